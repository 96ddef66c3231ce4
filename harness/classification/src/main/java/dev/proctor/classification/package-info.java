/**
 * Classification metrics exactly as scikit-learn 1.2.1 and the SemEval-2024 Task 8 scorer compute them: accuracy,
 * macro-, micro- and weighted precision/recall/F1 with an explicit {@code zero_division}
 * ({@link dev.proctor.classification.PrecisionRecallF1}), the confusion matrix and MCC, AUROC with ties counted half
 * and TPR at a fixed FPR ({@link dev.proctor.classification.RocCurve}), and mean absolute error for boundary
 * detection (subtask C). Start at {@link dev.proctor.classification.ClassificationMetrics}; labels are integers or
 * strings ordered as sklearn orders them ({@link dev.proctor.classification.Label}); gold and predictions come from
 * JSON Lines joined by id ({@link dev.proctor.classification.PredictionFiles}), strays refused unless the
 * intersection is asked for. Undefined values are NaN with the reason beside them, never a silent 0.
 */
package dev.proctor.classification;
