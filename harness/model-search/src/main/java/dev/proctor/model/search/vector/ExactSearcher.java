package dev.proctor.model.search.vector;

import java.util.List;

/** Brute force: every corpus vector is scored; the reference that HNSW's recall is measured against. */
public final class ExactSearcher implements VectorSearcher {
    private final float[][] corpus;

    public ExactSearcher(float[][] corpus) {
        this.corpus = corpus;
    }

    @Override
    public List<ScoredDoc> search(float[] query, int k) {
        TopK top = new TopK(Math.min(k, corpus.length));
        for (int d = 0; d < corpus.length; d++) {
            top.offer(d, Vectors.dot(query, corpus[d]));
        }
        return top.sorted();
    }

    @Override
    public String describe() {
        return "exact";
    }
}
