/**
 * The task plugin interface. A {@link dev.proctor.api.task.Task} names itself, lists its subjects with
 * categories, loads {@link dev.proctor.api.task.Item}s from a data directory and says how its prompts
 * look ({@link dev.proctor.api.task.McTemplate}); the harness owns few-shot selection, tokenization,
 * batching, scoring and aggregation. Implementations are registered in
 * {@code META-INF/services/dev.proctor.api.task.Task}.
 */
package dev.proctor.api.task;
