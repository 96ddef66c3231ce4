/**
 * Few-shot selection and prompt assembly: {@code header + shots + query}, with shots drawn from the subject's dev
 * split ({@link dev.proctor.core.prompt.FewShotSelector}) and dropped longest first when the model's context is too
 * short ({@link dev.proctor.core.prompt.PromptBuilder}). Works on text; tokens come in only through a
 * {@link dev.proctor.core.prompt.ContextBudget}.
 */
package dev.proctor.core.prompt;
