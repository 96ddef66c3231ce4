/**
 * The multiple-choice task kind. Each {@link dev.proctor.api.task.mc.McTask} benchmark becomes a task
 * ({@link dev.proctor.tasks.mc.MultipleChoiceTask}): few-shot examples from the dev split, prompts in the
 * benchmark's own or lm-evaluation-harness's convention, fitted to the model's context, and three scoring modes
 * (letter, loglik, generate) with their metrics. Generate scoring reads letters with a named
 * {@link dev.proctor.tasks.mc.AnswerRule} and compares them with the gold ones as strings (several letters for MMCU);
 * an unread answer is wrong unless a seeded random letter is asked for ({@link dev.proctor.tasks.mc.NoAnswer}).
 */
package dev.proctor.tasks.mc;
