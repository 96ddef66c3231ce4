/**
 * trec_eval 9.0.8 / pytrec_eval measures ({@link dev.proctor.retrieval.metrics.TrecEval}) and the MRR@k variants
 * of BEIR and MTEB ({@link dev.proctor.retrieval.metrics.MrrVariant}), reproduced exactly: float32 score ties,
 * descending docno tie-break, linear gain, R not capped by k, and the same choice of which queries count.
 */
package dev.proctor.retrieval.metrics;
