/**
 * Retrieval evaluation with the exact conventions of trec_eval 9.0.8 / pytrec_eval as BEIR and MTEB call them:
 * {@link dev.proctor.retrieval.Qrels} (judgments) and {@link dev.proctor.retrieval.Run} (scored documents per
 * query) here, the measures in {@link dev.proctor.retrieval.metrics} (start at
 * {@link dev.proctor.retrieval.metrics.TrecEval}), and the files they come from in
 * {@link dev.proctor.retrieval.io}.
 */
package dev.proctor.retrieval;
