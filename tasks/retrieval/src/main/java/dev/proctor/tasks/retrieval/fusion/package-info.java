/**
 * Hybrid retrieval: reciprocal rank fusion
 * ({@link dev.proctor.tasks.retrieval.fusion.ReciprocalRankFusion}) and min-max score interpolation
 * ({@link dev.proctor.tasks.retrieval.fusion.ScoreInterpolation}) of dense and BM25 runs, ranking in trec_eval's
 * order ({@link dev.proctor.tasks.retrieval.fusion.RunOrder}).
 */
package dev.proctor.tasks.retrieval.fusion;
