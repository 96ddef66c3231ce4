/**
 * Item results to subject, category and overall scores, each group both macro (official CMMLU/OpenCompass) and
 * micro (lm-evaluation-harness groups) averaged, with the standard errors lm-eval reports.
 */
package dev.proctor.core.aggregate;
