package dev.proctor.tasks.retrieval.data;

import dev.proctor.retrieval.Qrels;
import java.util.List;

/**
 * A BEIR dataset loaded for one split.
 *
 * @param name     display name ({@code bundled:NAME} datasets use their bundled name)
 * @param source   where it was read from ({@code bundled:NAME} or the folder)
 * @param split    the qrels split
 * @param language the language and how it was chosen
 * @param corpus   every document, in file order
 * @param queries  the queries that have judgments in this split, in file order (BEIR evaluates only those)
 * @param allQueries how many queries {@code queries.jsonl} holds
 * @param qrels    the split's judgments
 * @param files    the files and their hashes
 */
public record RetrievalDataset(String name, String source, String split, LanguageChoice language,
                               List<Document> corpus, List<Query> queries, int allQueries, Qrels qrels,
                               DatasetFiles files) {
    public RetrievalDataset {
        corpus = List.copyOf(corpus);
        queries = List.copyOf(queries);
    }

    /** Judged documents that are not in the corpus (they count in R but can never be retrieved). */
    public long judgedDocumentsMissingFromCorpus() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        corpus.forEach(d -> ids.add(d.id()));
        return qrels.judgments().values().stream().flatMap(m -> m.keySet().stream()).distinct()
                .filter(id -> !ids.contains(id)).count();
    }
}
