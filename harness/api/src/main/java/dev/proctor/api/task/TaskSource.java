package dev.proctor.api.task;

import java.util.List;

/**
 * A task kind that makes tasks out of simpler plugins: the multiple-choice kind wraps every
 * {@link dev.proctor.api.task.mc.McTask} found on the class path. Registered in
 * {@code META-INF/services/dev.proctor.api.task.TaskSource}.
 */
public interface TaskSource {

    /** The tasks this kind offers; construction must stay cheap (no data read). */
    List<Task> tasks();
}
