package dev.proctor.tasks.retrieval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.report.DataCheck;
import dev.proctor.report.HarnessVersion;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.stats.report.StatsJson;
import dev.proctor.tasks.retrieval.DenseReport;
import dev.proctor.tasks.retrieval.LexicalReport;
import dev.proctor.tasks.retrieval.RetrievalConfig;
import dev.proctor.tasks.retrieval.RetrievalOutcome;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import dev.proctor.tasks.retrieval.encode.BatchDependence;
import dev.proctor.tasks.retrieval.encode.EncodeStats;
import dev.proctor.tasks.retrieval.encode.EncoderInfo;
import dev.proctor.tasks.retrieval.eval.RunScoring;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** results.json as an explicit tree, so its layout is written down in one place. */
public final class RetrievalJson {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RetrievalJson() {
    }

    /** results.json with the per-query bootstrap intervals at the stats module's defaults. */
    public static ObjectNode results(RetrievalOutcome out, String reportId, List<String> command, Instant createdAt) {
        return results(out, QueryBootstrap.of(out.evaluation()), reportId, command, createdAt, Optional.empty());
    }

    public static ObjectNode results(RetrievalOutcome out, QueryBootstrap.Intervals ci, String reportId,
                                     List<String> command, Instant createdAt, Optional<DataCheck> dataCheck) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode main = root.putObject("mainScore");
        main.put("measure", RunScoring.MAIN_MEASURE);
        main.put("value", out.mainScore());
        ci.of(RunScoring.MAIN_MEASURE).ifPresent(i -> {
            main.put("bootstrap_se", i.bootstrap().seDdof1());
            main.put("ci_low", i.bootstrap().ciLow());
            main.put("ci_high", i.bootstrap().ciHigh());
        });
        root.set("evaluation", RunScoring.toJson(out.evaluation()));
        root.set("bootstrap", bootstrap(ci));
        ObjectNode provenance = root.putObject("provenance");
        provenance.put("reportId", reportId);
        provenance.put("createdAt", createdAt.toString());
        HarnessVersion.current().describeIn(provenance.putObject("harness"));
        command.forEach(provenance.putArray("command")::add);
        ObjectNode dataset = provenance.putObject("dataset");
        dataset.setAll(dataset(out.dataset()));
        dataCheck.ifPresent(c -> dataset.putObject("lockCheck").put("status", c.status()).put("lockedAs", c.dataset())
                .put("version", c.version()).put("files", c.files()));
        provenance.set("config", config(out.config()));
        out.dense().ifPresent(d -> provenance.set("dense", dense(d)));
        out.lexical().ifPresent(l -> provenance.set("lexical", lexical(l)));
        root.putObject("timings").put("totalSeconds", out.totalNanos() / 1e9);
        return root;
    }

    /**
     * The per-query bootstrap: its settings once (B, seed, level and the RNG as proctor-stats names them), then per
     * measure the mean and proctor-stats' own bootstrap block ({@link StatsJson#bootstrap(BootstrapSummary)}).
     */
    static ObjectNode bootstrap(QueryBootstrap.Intervals ci) {
        BootstrapConfig c = ci.config();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("method", "percentile bootstrap over queries (proctor-stats StratifiedBootstrap, one stratum):"
                + " each resample draws the averaged queries with replacement, every measure on the same draw");
        node.put("B", c.resamples());
        node.put("seed", c.seed());
        node.put("rng", BootstrapConfig.RNG);
        node.put("confidence_percent", c.confidence().percent());
        node.put("percentile", "numpy 'linear' (R type 7)");
        node.put("se", "std of the B resampled means, ddof 1 (se_ddof1; se_ddof0 also given)");
        node.put("queries", ci.queries());
        ObjectNode measures = node.putObject("measures");
        for (QueryBootstrap.Interval i : ci.intervals().values()) {
            ObjectNode m = measures.putObject(i.measure());
            m.put("n", i.queries());
            m.put("mean", i.mean());
            m.put("bootstrap_se", i.bootstrap().seDdof1());
            m.put("ci_low", i.bootstrap().ciLow());
            m.put("ci_high", i.bootstrap().ciHigh());
            m.set("bootstrap", StatsJson.bootstrap(i.bootstrap()));
        }
        return node;
    }

    static ObjectNode dataset(RetrievalDataset d) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", d.name());
        node.put("source", d.source());
        node.put("split", d.split());
        node.put("language", d.language().language().id());
        node.put("languageSource", d.language().source());
        node.put("documents", d.corpus().size());
        node.put("queriesInFile", d.allQueries());
        node.put("queriesJudged", d.queries().size());
        node.put("judgedDocumentsMissingFromCorpus", d.judgedDocumentsMissingFromCorpus());
        ObjectNode files = node.putObject("files");
        files.putObject("corpus").put("path", d.files().corpus().toString()).put("sha256", d.files().corpusSha256());
        files.putObject("queries").put("path", d.files().queries().toString()).put("sha256", d.files().queriesSha256());
        files.putObject("qrels").put("path", d.files().qrels().toString()).put("sha256", d.files().qrelsSha256());
        return node;
    }

    static ObjectNode config(RetrievalConfig c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("retriever", c.retriever().id());
        node.put("topK", c.topK());
        c.cutoffs().forEach(node.putArray("cutoffs")::add);
        if (c.retriever().usesDense()) {
            node.put("encoder", c.encoder().orElse(null));
            node.put("batchTokens", c.batchTokens());
            node.put("batching", c.batching().id());
            node.put("device", c.device());
            node.put("search", c.search().id());
            node.put("exactMaxDocs", c.exactMaxDocs());
            node.putObject("hnsw").put("maxConn", c.hnsw().maxConn()).put("beamWidth", c.hnsw().beamWidth())
                    .put("fanout", c.hnsw().fanout());
        }
        if (c.retriever() == dev.proctor.tasks.retrieval.RetrieverKind.HYBRID_RRF) {
            node.put("rrfK", c.rrfK());
        }
        if (c.retriever() == dev.proctor.tasks.retrieval.RetrieverKind.HYBRID_INTERP) {
            node.put("alpha", c.alpha());
            node.put("normalisation", "min-max per query over each run's retrieved documents; missing = 0");
        }
        return node;
    }

    static ObjectNode dense(DenseReport d) {
        ObjectNode node = MAPPER.createObjectNode();
        EncoderInfo e = d.encoder();
        ObjectNode encoder = node.putObject("encoder");
        encoder.put("name", e.config().name());
        encoder.put("choice", d.encoderChoice());
        encoder.put("origin", e.origin());
        encoder.put("modelSha256", e.modelSha256());
        encoder.put("tokenizerSha256", e.tokenizerSha256());
        encoder.put("engine", e.engine());
        e.inputs().forEach(encoder.putArray("inputs")::add);
        encoder.put("pooling", e.config().pooling().id());
        encoder.put("normalisation", "L2");
        encoder.put("queryPrefix", e.config().queryPrefix());
        encoder.put("passagePrefix", e.config().passagePrefix());
        encoder.put("maxLength", e.config().maxLength());
        encoder.put("dimension", e.dimension());
        encoder.put("batchTokens", e.batchTokens());
        ObjectNode batching = node.putObject("batching");
        batching.put("requested", d.batching().requested().id());
        batching.put("budget", d.batching().budget());
        batching.put("effectiveBatchTokens", d.batching().effective());
        batching.put("oneTextPerCall", d.batching().perText());
        d.batching().measurement().ifPresent(m -> batching.put("measuredBatchDependence", m.maxDelta())
                .put("tolerance", BatchDependence.TOLERANCE).put("probeTexts", m.probes()));
        batching.put("description", d.batching().describe());
        ObjectNode cache = node.putObject("embeddingCache");
        cache.put("key", d.cacheKey());
        cache.put("file", d.cacheFile().toString());
        cache.put("hit", d.cacheHit());
        node.put("searcher", d.searcher());
        if (d.hnswRecallAt10().isPresent()) {
            node.put("hnswRecallAt10VsExact", d.hnswRecallAt10().getAsDouble());
            node.put("hnswRecallNote", "top 10 of the run (graph searched for topK + fanout candidates) against"
                    + " exact search's top 10, mean over the queries");
        } else {
            node.putNull("hnswRecallAt10VsExact");
        }
        node.set("corpusEncoding", stats(d.corpusEncoding()));
        node.set("queryEncoding", stats(d.queryEncoding()));
        node.put("searchSeconds", d.searchNanos() / 1e9);
        return node;
    }

    static ObjectNode lexical(LexicalReport l) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("engine", "Lucene " + l.luceneVersion());
        node.put("similarity", "BM25Similarity");
        node.put("k1", l.params().k1());
        node.put("b", l.params().b());
        node.put("analyzer", l.analyzer().id());
        node.put("analyzerDescription", l.analyzer().description());
        node.put("analyzerChoice", l.analyzerChoice());
        node.put("fields", "title + ' ' + text in one field");
        node.put("query", "analyzed terms OR-ed, each boosted by its count in the query");
        node.put("indexSeconds", l.indexNanos() / 1e9);
        node.put("searchSeconds", l.searchNanos() / 1e9);
        return node;
    }

    static ObjectNode stats(EncodeStats s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("texts", s.texts());
        node.put("forwardCalls", s.forwardCalls());
        node.put("realTokens", s.realTokens());
        node.put("paddedTokens", s.paddedTokens());
        node.put("paddingEfficiency", s.paddingEfficiency());
        node.put("tokenizeSeconds", s.tokenizeNanos() / 1e9);
        node.put("forwardSeconds", s.forwardNanos() / 1e9);
        node.put("totalSeconds", s.totalNanos() / 1e9);
        node.put("textsPerSecond", s.textsPerSecond());
        return node;
    }
}
