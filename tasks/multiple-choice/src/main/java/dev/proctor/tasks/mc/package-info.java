/**
 * The multiple-choice task kind. Each {@link dev.proctor.api.task.mc.McTask} benchmark becomes a task
 * ({@link dev.proctor.tasks.mc.MultipleChoiceTask}): few-shot examples from the dev split, prompts in the
 * benchmark's own or lm-evaluation-harness's convention, fitted to the model's context, and three scoring modes
 * (letter, loglik, generate) with their metrics.
 */
package dev.proctor.tasks.mc;
