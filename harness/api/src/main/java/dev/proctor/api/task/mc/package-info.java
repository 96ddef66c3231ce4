/**
 * Multiple-choice benchmarks as plugins: an {@link dev.proctor.api.task.mc.McTask} loads
 * {@link dev.proctor.api.task.mc.Item}s and names its prompt convention ({@link dev.proctor.api.task.mc.McTemplate});
 * the multiple-choice task kind does the rest.
 */
package dev.proctor.api.task.mc;
