/**
 * Hybrid retrieval: reciprocal rank fusion and min-max score interpolation of two retrievers' rankings, ranked in
 * trec_eval's order ({@link dev.proctor.model.search.fusion.RunOrder}), as the {@code hybrid-rrf} and
 * {@code hybrid-interp} models.
 */
package dev.proctor.model.search.fusion;
