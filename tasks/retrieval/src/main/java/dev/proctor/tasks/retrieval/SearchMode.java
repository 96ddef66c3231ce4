package dev.proctor.tasks.retrieval;

import dev.proctor.api.UnknownNameException;
import java.util.Arrays;

/** How dense search finds neighbours. */
public enum SearchMode {
    /** Exact up to the configured corpus size, HNSW above it. */
    AUTO("auto"),
    EXACT("exact"),
    HNSW("hnsw");

    private final String id;

    SearchMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SearchMode of(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst()
                .orElseThrow(() -> new UnknownNameException("search mode", id, Arrays.stream(values()).map(SearchMode::id).toList()));
    }

    /** Whether a corpus of {@code docs} documents is searched exactly. */
    public boolean exactFor(int docs, int exactMaxDocs) {
        return this == EXACT || (this == AUTO && docs <= exactMaxDocs);
    }
}
