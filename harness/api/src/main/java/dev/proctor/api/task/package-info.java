/**
 * The task plugin interface. A {@link dev.proctor.api.task.Task} names itself, lists its subjects, says which
 * files it reads, turns items into typed requests ({@link dev.proctor.api.task.TaskItem}) and declares its
 * metrics; the evaluator does everything else. Tasks are registered in
 * {@code META-INF/services/dev.proctor.api.task.Task}, or made by a {@link dev.proctor.api.task.TaskSource}
 * (the multiple-choice kind turns each {@link dev.proctor.api.task.mc.McTask} into a task).
 */
package dev.proctor.api.task;
