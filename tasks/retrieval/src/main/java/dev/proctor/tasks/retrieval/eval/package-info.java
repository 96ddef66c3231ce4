/**
 * Scoring runs: {@link dev.proctor.tasks.retrieval.eval.RunScoring} hands them to proctor-retrieval's
 * trec_eval-exact evaluator and run-file writer.
 */
package dev.proctor.tasks.retrieval.eval;
