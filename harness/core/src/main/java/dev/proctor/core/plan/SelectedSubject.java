package dev.proctor.core.plan;

import dev.proctor.api.task.Subject;
import dev.proctor.api.task.Task;
import java.nio.file.Path;

/** One subject to evaluate, with the data directory its task reads from. */
public record SelectedSubject(Task task, Subject subject, Path dataDir) {

    /** {@code task/subject}, the key of {@link EvaluationPlan#categoriesBySubjectKey()}. */
    public String key() {
        return task.name() + "/" + subject.name();
    }
}
