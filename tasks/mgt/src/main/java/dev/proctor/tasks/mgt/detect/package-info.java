/**
 * Detectors and their decisions: zero-shot statistics of a causal LM's token statistics
 * ({@link dev.proctor.tasks.mgt.detect.Detector}) decided by a threshold chosen on dev
 * ({@link dev.proctor.tasks.mgt.detect.ThresholdFit}), a logistic-regression probe on embeddings
 * ({@link dev.proctor.tasks.mgt.detect.ProbeFit}), subtask C's change point
 * ({@link dev.proctor.tasks.mgt.detect.Boundary}), and the metrics ({@link dev.proctor.tasks.mgt.detect.MgtMetrics}).
 */
package dev.proctor.tasks.mgt.detect;
