package dev.proctor.tasks.mgt;

import dev.proctor.api.task.Task;
import dev.proctor.api.task.TaskSource;
import dev.proctor.tasks.mgt.data.Subtask;
import java.util.Arrays;
import java.util.List;

/** The three SemEval-2024 Task 8 subtasks as tasks: {@code mgt} (A), {@code mgt-multiway} (B), {@code mgt-boundary} (C). */
public final class MgtTasks implements TaskSource {
    @Override
    public List<Task> tasks() {
        return Arrays.stream(Subtask.values()).<Task>map(MgtTask::new).toList();
    }
}
