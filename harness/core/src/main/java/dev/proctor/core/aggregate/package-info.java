/**
 * Step five: item values to subject, category and overall rows for every metric a task declares, mean metrics
 * both macro (official CMMLU/OpenCompass) and micro (lm-evaluation-harness groups) averaged, each with its
 * standard error and a seeded bootstrap interval.
 */
package dev.proctor.core.aggregate;
