/**
 * Nearest-neighbour search over unit vectors: exact ({@link dev.proctor.model.search.vector.ExactSearcher}) and
 * Lucene HNSW ({@link dev.proctor.model.search.vector.HnswSearcher}), both scoring with the same dot product.
 */
package dev.proctor.model.search.vector;
