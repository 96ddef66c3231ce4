/**
 * CMMLU (haonan-li/CMMLU): {@code data/{dev,test}/<subject>.csv} with the header {@code ,Question,A,B,C,D,Answer}.
 * Subject names, Chinese display names and categories follow its {@code src/categories.py}
 * (resource {@code subjects.json}); prompts follow {@code src/mp_utils.py} and lm-eval's cmmlu task.
 */
package dev.proctor.tasks.cmmlu;
