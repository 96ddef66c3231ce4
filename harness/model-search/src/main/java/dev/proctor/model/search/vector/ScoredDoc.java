package dev.proctor.model.search.vector;

/**
 * A retrieved document: its position in the corpus list and its score.
 *
 * @param doc   index into the corpus
 * @param score similarity (cosine for dense search, BM25 for lexical)
 */
public record ScoredDoc(int doc, float score) {
}
