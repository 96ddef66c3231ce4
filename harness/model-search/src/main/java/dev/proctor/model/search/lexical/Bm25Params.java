package dev.proctor.model.search.lexical;

/**
 * BM25 parameters.
 *
 * @param k1 term-frequency saturation
 * @param b  document-length normalisation
 */
public record Bm25Params(float k1, float b) {
    /** Lucene's (and Anserini's and Elasticsearch's) defaults. */
    public static final Bm25Params DEFAULTS = new Bm25Params(1.2f, 0.75f);
}
