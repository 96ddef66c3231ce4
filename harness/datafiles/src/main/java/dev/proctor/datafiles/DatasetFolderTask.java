package dev.proctor.datafiles;

import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import java.nio.file.Path;

/**
 * A task whose subjects are dataset folders ({@link DatasetFolders}): the data directory is one dataset or holds
 * several, each a subject, each pinned in datasets.lock under its own name with paths relative to its own folder.
 */
public interface DatasetFolderTask extends Task {

    /** Whether {@code dir} is one of this task's datasets. */
    boolean isDataset(Path dir);

    /** Each dataset is pinned on its own, under the subject's name. */
    @Override
    default String datasetId(String subject) {
        return subject;
    }

    /** The subject's dataset folder: the data directory itself, or the folder of that name inside it. */
    @Override
    default Path datasetRoot(Path dataDir, Subject subject) {
        return DatasetFolders.root(dataDir, this::isDataset, subject.name());
    }
}
