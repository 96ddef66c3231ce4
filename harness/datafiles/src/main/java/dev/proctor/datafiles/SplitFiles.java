package dev.proctor.datafiles;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The common benchmark layout {@code <root>/<split>/<file of subject and split>}, where {@code <root>} is the
 * data directory or its {@code data/} folder ({@link DataDirs#splitRoot}). Tasks hold one of these and
 * delegate {@link dev.proctor.api.task.mc.McTask#dataFile} and subject discovery to it.
 */
public final class SplitFiles {
    private final String task;
    private final Set<Split> splits;
    private final BiFunction<String, Split, String> fileName;

    /**
     * @param task     the task's name, for messages
     * @param splits   the splits the benchmark has
     * @param fileName a subject name and split to the file's name inside the split folder
     */
    public SplitFiles(String task, Set<Split> splits, BiFunction<String, Split, String> fileName) {
        this.task = task;
        this.splits = EnumSet.copyOf(splits);
        this.fileName = fileName;
    }

    /** @throws UnknownNameException for a split the benchmark does not have */
    public Path file(Path dataDir, Subject subject, Split split) {
        requireSplit(split);
        return file(DataDirs.splitRoot(dataDir, task), subject.name(), split);
    }

    /**
     * The known subjects whose test file is present, in the order given.
     *
     * @throws DataFormatException when not one is present: the directory is not this benchmark's
     */
    public List<Subject> present(Path dataDir, List<Subject> known) {
        Path root = DataDirs.splitRoot(dataDir, task);
        List<Subject> present = known.stream()
                .filter(s -> Files.isRegularFile(file(root, s.name(), Split.TEST)))
                .toList();
        if (present.isEmpty()) {
            throw new DataFormatException(root, 0, "expected " + task + " test files such as "
                    + root.relativize(file(root, known.get(0).name(), Split.TEST)) + ", found none of the "
                    + known.size() + " " + task + " subjects");
        }
        return present;
    }

    private Path file(Path root, String subject, Split split) {
        return root.resolve(split.id()).resolve(fileName.apply(subject, split));
    }

    private void requireSplit(Split split) {
        if (!splits.contains(split)) {
            throw new UnknownNameException(task + " split", split.id(), splits.stream().map(Split::id).toList());
        }
    }
}
