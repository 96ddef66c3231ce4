package dev.proctor.api.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The documents a {@link RetrieveRequest} searches. A corpus is identified by the SHA-256 of the file it was read
 * from: requests name it by that hash, and a model may index it once for all queries.
 *
 * @param name     a readable name (the dataset's)
 * @param sha256   SHA-256 of the corpus file: its identity
 * @param language the language of its text ({@code en}, {@code zh}): it picks a lexical analyzer
 * @param passages the documents, in file order
 */
public record Corpus(String name, String sha256, String language, List<Passage> passages) {
    public Corpus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(language, "language");
        passages = List.copyOf(passages);
    }

    /** The corpus as a request names it: by hash, never by content. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("sha256", sha256);
        m.put("language", language);
        m.put("documents", passages.size());
        return m;
    }

    /** Equal corpora have equal hashes; the documents are not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Corpus c && c.sha256.equals(sha256) && c.language.equals(language);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode() * 31 + language.hashCode();
    }

    @Override
    public String toString() {
        return "Corpus[" + name + ", " + passages.size() + " documents, sha256 " + sha256 + "]";
    }
}
