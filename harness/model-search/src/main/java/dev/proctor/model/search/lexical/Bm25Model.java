package dev.proctor.model.search.lexical;

import dev.proctor.api.model.BatchStats;
import dev.proctor.api.model.Execution;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.request.Corpus;
import dev.proctor.api.request.Ranking;
import dev.proctor.api.request.RetrieveRequest;
import dev.proctor.model.search.Retriever;
import dev.proctor.model.search.vector.ScoredDoc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BM25 as a model that serves retrieval: each corpus is indexed once (in memory, {@link Bm25Searcher}) with the
 * analyzer given, or the default for the corpus's language, and every query searched against it.
 */
public final class Bm25Model extends Retriever {
    /** Queries answered per report to the harness: each group is stored before the next is searched. */
    private static final int QUERIES_PER_REPORT = 64;

    private final Bm25Params params;
    private final Optional<AnalyzerChoice> analyzer;
    private final Map<Corpus, Bm25Searcher> indexes = new LinkedHashMap<>();
    private final ModelInfo info;

    public Bm25Model(Bm25Params params, Optional<AnalyzerChoice> analyzer) {
        this.params = params;
        this.analyzer = analyzer;
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("k1", params.k1());
        identity.put("b", params.b());
        identity.put("analyzer", analyzer.map(AnalyzerChoice::id).orElse("by corpus language: en english, zh smartcn"));
        identity.put("query", "bag of words: each distinct term a SHOULD clause boosted by its count");
        identity.put("document", "title and text in one field");
        this.info = new ModelInfo("bm25", "BM25 retriever", "Lucene " + org.apache.lucene.util.Version.LATEST
                + " BM25Similarity", "cpu", identity);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    protected void retrieve(List<RetrieveRequest> requests, Execution<Ranking> out) {
        List<Integer> indices = new ArrayList<>();
        List<Ranking> rankings = new ArrayList<>();
        long start = System.nanoTime();
        for (int r = 0; r < requests.size(); r++) {
            RetrieveRequest request = requests.get(r);
            Bm25Searcher searcher = index(request.corpus(), out);
            List<Ranking.Hit> hits = new ArrayList<>();
            for (ScoredDoc d : searcher.search(request.query(), request.topK())) {
                hits.add(new Ranking.Hit(request.corpus().passages().get(d.doc()).id(), d.score()));
            }
            indices.add(r);
            rankings.add(new Ranking(hits));
            if (indices.size() == QUERIES_PER_REPORT || r == requests.size() - 1) {
                out.recordBatch(new BatchStats(indices.size(), 0, 0, System.nanoTime() - start));
                out.completed(indices.stream().mapToInt(Integer::intValue).toArray(), rankings);
                indices = new ArrayList<>();
                rankings = new ArrayList<>();
                start = System.nanoTime();
            }
        }
    }

    private Bm25Searcher index(Corpus corpus, Execution<?> execution) {
        Bm25Searcher searcher = indexes.get(corpus);
        if (searcher == null) {
            AnalyzerChoice choice = analyzer.orElse(AnalyzerChoice.forLanguage(corpus.language()));
            long t0 = System.nanoTime();
            searcher = Bm25Searcher.build(corpus.passages(), choice, params);
            indexes.put(corpus, searcher);
            execution.note("bm25 " + corpus.name(), choice.description() + (analyzer.isPresent() ? " (--model-arg)"
                    : " (default for language " + corpus.language() + ")") + ", k1=" + params.k1() + ", b=" + params.b()
                    + ", " + corpus.passages().size() + " documents indexed in "
                    + String.format(java.util.Locale.ROOT, "%.2f s", (System.nanoTime() - t0) / 1e9));
        }
        return searcher;
    }

    @Override
    public void close() {
        indexes.values().forEach(Bm25Searcher::close);
        indexes.clear();
    }
}
