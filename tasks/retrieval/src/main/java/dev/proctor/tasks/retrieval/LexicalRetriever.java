package dev.proctor.tasks.retrieval;

import dev.proctor.retrieval.Run;
import dev.proctor.tasks.retrieval.data.Query;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import dev.proctor.tasks.retrieval.search.AnalyzerChoice;
import dev.proctor.tasks.retrieval.search.Bm25Searcher;
import dev.proctor.tasks.retrieval.search.ScoredDoc;
import java.util.ArrayList;
import java.util.List;

/** The BM25 side: index the corpus with the language's analyzer, run every query. */
final class LexicalRetriever {
    record Result(Run run, LexicalReport report) {
    }

    private LexicalRetriever() {
    }

    static Result run(RetrievalDataset dataset, RetrievalConfig config) {
        AnalyzerChoice analyzer = config.analyzer().orElse(AnalyzerChoice.forLanguage(dataset.language().language()));
        String why = config.analyzer().isPresent() ? "--analyzer"
                : "default for language " + dataset.language().language().id();
        long start = System.nanoTime();
        try (Bm25Searcher searcher = Bm25Searcher.build(dataset.corpus(), analyzer, config.bm25())) {
            long indexed = System.nanoTime();
            List<List<ScoredDoc>> hits = new ArrayList<>();
            for (Query q : dataset.queries()) {
                hits.add(searcher.search(q.text(), config.topK()));
            }
            long end = System.nanoTime();
            return new Result(Runs.of(dataset.queries(), hits, dataset.corpus()), new LexicalReport(analyzer, why,
                    config.bm25(), org.apache.lucene.util.Version.LATEST.toString(), indexed - start, end - indexed));
        }
    }
}
