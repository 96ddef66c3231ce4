package dev.proctor.datafiles;

import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.mc.McTask;
import java.nio.file.Path;
import java.util.List;

/**
 * A benchmark with a fixed catalogue of subjects, shipped as the resource {@code subjects.json} beside the
 * subclass, and one data file per subject and split. Subclasses say how a file is read and which templates
 * the formats use.
 */
public abstract class CatalogTask implements McTask {
    private final String name;
    private final String description;
    private final SplitFiles files;
    private volatile List<Subject> known;

    protected CatalogTask(String name, String description, SplitFiles files) {
        this.name = name;
        this.description = description;
        this.files = files;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    /** The whole catalogue, read on first use (not when ServiceLoader instantiates the task). */
    public final List<Subject> knownSubjects() {
        List<Subject> subjects = known;
        if (subjects == null) {
            subjects = SubjectCatalog.readResource(getClass(), "subjects.json");
            known = subjects;
        }
        return subjects;
    }

    /** The known subjects whose test file is present. */
    @Override
    public List<Subject> subjects(Path dataDir) {
        return files.present(dataDir, knownSubjects());
    }

    @Override
    public Path dataFile(Path dataDir, Subject subject, Split split) {
        return files.file(dataDir, subject, split);
    }
}
