package dev.proctor.tasks.retrieval;

import dev.proctor.retrieval.Run;
import dev.proctor.tasks.retrieval.data.Document;
import dev.proctor.tasks.retrieval.data.Query;
import dev.proctor.tasks.retrieval.search.ScoredDoc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns per-query hit lists into a {@link Run}; every query gets an entry, empty when nothing was found. */
final class Runs {
    private Runs() {
    }

    static Run of(List<Query> queries, List<List<ScoredDoc>> hits, List<Document> corpus) {
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        for (int q = 0; q < queries.size(); q++) {
            Map<String, Double> docs = new LinkedHashMap<>();
            for (ScoredDoc hit : hits.get(q)) {
                docs.put(corpus.get(hit.doc()).id(), (double) hit.score());
            }
            scores.put(queries.get(q).id(), docs);
        }
        return new Run(scores);
    }
}
