/**
 * MMLU (Hendrycks et al., hendrycks/test) in its original CSV layout: {@code data/{dev,val,test}/<subject>_<split>.csv},
 * no header, columns question, A, B, C, D, answer letter. Subjects and categories follow hendrycks/test's
 * {@code categories.py} (resource {@code subjects.json}); prompts follow its {@code evaluate.py} and lm-eval.
 */
package dev.proctor.tasks.mmlu;
