package dev.proctor.model.search.vector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a dense retriever searches its corpus vectors: exactly, or with an HNSW graph, by {@link SearchMode}.
 *
 * @param mode         exact, HNSW, or by corpus size
 * @param exactMaxDocs the largest corpus {@link SearchMode#AUTO} searches exactly
 * @param hnsw         the graph's parameters
 */
public record DenseSearch(SearchMode mode, int exactMaxDocs, HnswParams hnsw) {
    public static final int DEFAULT_EXACT_MAX_DOCS = 20_000;

    public static DenseSearch defaults() {
        return new DenseSearch(SearchMode.AUTO, DEFAULT_EXACT_MAX_DOCS, HnswParams.DEFAULTS);
    }

    /** A searcher over unit vectors, chosen by the corpus size. */
    public VectorSearcher build(float[][] corpus) {
        return mode.exactFor(corpus.length, exactMaxDocs) ? new ExactSearcher(corpus) : HnswSearcher.build(corpus, hnsw);
    }

    /** For a model's identity: approximate search changes which documents are found. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("search", mode.id());
        m.put("exactMaxDocs", exactMaxDocs);
        m.put("hnsw", hnsw.toString());
        return m;
    }
}
