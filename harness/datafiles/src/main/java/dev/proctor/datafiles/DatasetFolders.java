package dev.proctor.datafiles;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A data directory that is a folder of datasets (retrieval datasets, SemEval copies): its dataset folders. */
public final class DatasetFolders {
    private DatasetFolders() {
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
