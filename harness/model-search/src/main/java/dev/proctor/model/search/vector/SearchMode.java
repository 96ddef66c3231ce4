package dev.proctor.model.search.vector;

import dev.proctor.api.NamedChoice;

/** How dense search finds neighbours. */
public enum SearchMode implements NamedChoice {
    /** Exact up to the configured corpus size, HNSW above it. */
    AUTO("auto"),
    EXACT("exact"),
    HNSW("hnsw");

    private final String id;

    SearchMode(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static SearchMode of(String id) {
        return NamedChoice.lookup(SearchMode.class, "search mode", id);
    }

    /** Whether a corpus of {@code docs} documents is searched exactly. */
    public boolean exactFor(int docs, int exactMaxDocs) {
        return this == EXACT || (this == AUTO && docs <= exactMaxDocs);
    }
}
