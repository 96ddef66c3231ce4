/**
 * Standard errors of a mean as each reference tool computes it (binomial, lm-evaluation-harness's
 * {@code mean_stderr}, population and sample), and lm-eval's own bootstrap replayed exactly.
 */
package dev.proctor.stats.error;
