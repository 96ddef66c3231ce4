package dev.proctor.datafiles;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A data directory that is one dataset folder or a folder of them (BEIR datasets, SemEval copies, COCO folders): the
 * layout of every task whose subjects are datasets. The task says what a dataset folder is; this finds them.
 */
public final class DatasetFolders {
    private DatasetFolders() {
    }

    /**
     * The datasets {@code dir} names: itself when it is one, else the folders directly inside it that are.
     *
     * @param expected what a dataset folder holds, for the error
     * @throws DataFormatException naming {@code dir} when it is neither
     */
    public static List<Path> datasets(Path dir, Predicate<Path> isDataset, String expected) {
        if (isDataset.test(dir)) {
            return List.of(dir);
        }
        List<Path> inside = inside(dir, isDataset);
        if (inside.isEmpty()) {
            throw new DataFormatException(dir, 0, "expected " + expected + ", or a folder of them; found neither");
        }
        return inside;
    }

    /** The folder of the dataset named {@code subject}: {@code dir} itself when it is a dataset, else its child. */
    public static Path root(Path dir, Predicate<Path> isDataset, String subject) {
        return isDataset.test(dir) ? dir : dir.resolve(subject);
    }

    /** A dataset folder's name: its own name, or {@code dataset} for a root. */
    public static String name(Path dataset) {
        Path name = dataset.toAbsolutePath().normalize().getFileName();
        return name == null ? "dataset" : name.toString();
    }

    /** The folders directly inside {@code dir} that {@code isDataset} accepts, by name. */
    public static List<Path> inside(Path dir, Predicate<Path> isDataset) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).filter(isDataset).sorted().toList();
        } catch (IOException e) {
            throw new ProctorException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
