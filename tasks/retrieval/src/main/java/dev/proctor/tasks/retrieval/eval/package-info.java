/**
 * Scoring: {@link dev.proctor.tasks.retrieval.eval.RunScoring} scores each query's ranking with
 * proctor-retrieval's trec_eval-exact evaluator.
 */
package dev.proctor.tasks.retrieval.eval;
