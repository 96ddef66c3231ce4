package dev.proctor.tasks.retrieval;

import dev.proctor.api.NamedChoice;

/** The retrievers {@code proctor retrieve --retriever} offers. */
public enum RetrieverKind implements NamedChoice {
    BM25("bm25", false, true),
    DENSE("dense", true, false),
    /** Reciprocal rank fusion of the dense and BM25 runs. */
    HYBRID_RRF("hybrid-rrf", true, true),
    /** alpha x min-max(dense) + (1 - alpha) x min-max(BM25). */
    HYBRID_INTERP("hybrid-interp", true, true);

    private final String id;
    private final boolean dense;
    private final boolean lexical;

    RetrieverKind(String id, boolean dense, boolean lexical) {
        this.id = id;
        this.dense = dense;
        this.lexical = lexical;
    }

    @Override
    public String id() {
        return id;
    }

    public boolean usesDense() {
        return dense;
    }

    public boolean usesLexical() {
        return lexical;
    }

    public static RetrieverKind of(String id) {
        return NamedChoice.lookup(RetrieverKind.class, "retriever", id);
    }
}
