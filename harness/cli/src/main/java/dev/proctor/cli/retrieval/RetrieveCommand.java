package dev.proctor.cli.retrieval;

import dev.proctor.cli.datasets.CacheOptions;
import dev.proctor.cli.datasets.LockOptions;
import dev.proctor.cli.stats.IntervalOptions;
import dev.proctor.report.DataCheck;
import dev.proctor.report.MarkdownTable;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.tasks.retrieval.RetrievalConfig;
import dev.proctor.tasks.retrieval.RetrievalOutcome;
import dev.proctor.tasks.retrieval.Retrieval;
import dev.proctor.tasks.retrieval.RetrieverKind;
import dev.proctor.tasks.retrieval.SearchMode;
import dev.proctor.tasks.retrieval.data.Language;
import dev.proctor.tasks.retrieval.data.RetrievalDataset;
import dev.proctor.tasks.retrieval.encode.EmbeddingCache;
import dev.proctor.tasks.retrieval.encode.EncoderBatching;
import dev.proctor.tasks.retrieval.encode.Pooling;
import dev.proctor.tasks.retrieval.report.RetrievalReport;
import dev.proctor.tasks.retrieval.search.AnalyzerChoice;
import dev.proctor.tasks.retrieval.search.Bm25Params;
import dev.proctor.tasks.retrieval.search.HnswParams;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/**
 * {@code proctor retrieve}: runs a dense, BM25 or hybrid retriever on a BEIR-layout dataset (or a bundled one),
 * scores the run with trec_eval's conventions and writes the run file, per-query scores, the summary and
 * results.json into {@code reports/<id>/}.
 */
@Command(name = "retrieve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Retrieve with BM25 (Lucene), a dense encoder (ONNX or TorchScript via DJL) or a hybrid of both on a BEIR "
                + "dataset, and score the run with trec_eval's conventions (main score nDCG@10)."})
public final class RetrieveCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, paramLabel = "bundled:NAME|DIR|ID",
            description = "bundled:everyday-en or bundled:everyday-zh; a BEIR folder (corpus.jsonl, queries.jsonl,"
                    + " qrels/<split>.tsv), checked against datasets.lock under its dataset.json name (else its folder"
                    + " name); or the id of a locked dataset, read from the cache (fetched first unless --offline).")
    String dataset;

    @Option(names = "--allow-unlocked",
            description = "Retrieve on a folder without checking it against datasets.lock; the report says"
                    + " \"unlocked\" (a locked id and bundled data are checked regardless).")
    boolean allowUnlocked;

    @Option(names = "--offline", description = "Never touch the network: a locked dataset missing from the cache"
            + " is an error naming the fetch command.")
    boolean offline;

    @Mixin
    LockOptions lockOptions = new LockOptions();

    @Mixin
    CacheOptions cacheOptions = new CacheOptions();

    @Option(names = "--retriever", required = true, paramLabel = "KIND",
            description = "bm25, dense, hybrid-rrf or hybrid-interp.")
    String retriever;

    @Option(names = "--encoder", paramLabel = "ENCODER",
            description = "bge-small-en, bge-small-zh, minilm, onnx:DIR or torchscript:DIR. Default: bge-small-en for English,"
                    + " bge-small-zh for Chinese.")
    String encoder;

    @Option(names = "--split", defaultValue = "test", description = "Qrels split. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--language", paramLabel = "en|zh",
            description = "The dataset's language (picks analyzer and default encoder). Default: dataset.json,"
                    + " else detected from the corpus.")
    String language;

    @Option(names = "--analyzer", paramLabel = "NAME",
            description = "BM25 analyzer: standard, english or smartcn. Default: english (en), smartcn (zh).")
    String analyzer;

    @Option(names = "--k1", defaultValue = "1.2", description = "BM25 k1. Default: ${DEFAULT-VALUE}.")
    float k1;

    @Option(names = "--b", defaultValue = "0.75", description = "BM25 b. Default: ${DEFAULT-VALUE}.")
    float b;

    @Option(names = "--pooling", paramLabel = "cls|mean", description = "Overrides the encoder's pooling.")
    String pooling;

    @Option(names = "--query-prefix", paramLabel = "TEXT",
            description = "Overrides the encoder's query instruction (use \"\" for none).")
    String queryPrefix;

    @Option(names = "--top-k", defaultValue = "100", description = "Documents per query. Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--batch-tokens", defaultValue = "8192",
            description = "Padded tokens per encoder call. Default: ${DEFAULT-VALUE}.")
    int batchTokens;

    @Option(names = "--batching", defaultValue = "auto", paramLabel = "auto|budget|per-text",
            description = "auto: measure at open whether the encoder's vectors depend on the batch and, if so, encode"
                    + " one text per call, so scores never depend on --batch-tokens; budget: always batch; per-text:"
                    + " never. Default: ${DEFAULT-VALUE}.")
    String batching;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu|gpu:N",
            description = "Where the encoder runs (as for language models; no silent fallback). Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--search", defaultValue = "auto",
            description = "auto, exact or hnsw. Default: ${DEFAULT-VALUE} (exact up to --exact-max-docs).")
    String search;

    @Option(names = "--exact-max-docs", defaultValue = "20000",
            description = "Largest corpus searched exactly under --search auto. Default: ${DEFAULT-VALUE}.")
    int exactMaxDocs;

    @Option(names = "--hnsw-m", defaultValue = "16", description = "HNSW neighbours per node. Default: ${DEFAULT-VALUE}.")
    int hnswM;

    @Option(names = "--hnsw-beam", defaultValue = "100", description = "HNSW build beam width. Default: ${DEFAULT-VALUE}.")
    int hnswBeam;

    @Option(names = "--rrf-k", defaultValue = "60", description = "RRF constant. Default: ${DEFAULT-VALUE}.")
    int rrfK;

    @Option(names = "--alpha", defaultValue = "0.5",
            description = "Dense weight of hybrid-interp (min-max normalised). Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--k", split = ",", defaultValue = "1,3,5,10,100", paramLabel = "K",
            description = "Cutoffs of the @k measures. Default: ${DEFAULT-VALUE}.")
    List<Integer> cutoffs;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the report here instead of REPORTS/<id>/.")
    Path outDir;

    @Option(names = "--reports-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Where reports go by default. Default: ${DEFAULT-VALUE}.")
    Path reportsDir;

    @Option(names = "--embedding-cache", paramLabel = "DIR",
            description = "Corpus embedding cache. Default: <proctor cache>/retrieval/embeddings.")
    Path embeddingCache;

    @Option(names = "--json", description = "Print results.json instead of the summary.")
    boolean json;

    /** The per-query bootstrap intervals of the summary. */
    @Mixin
    IntervalOptions intervals = new IntervalOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BootstrapConfig bootstrap = intervals.bootstrap(); // before the work: a bad value fails at once
        RetrievalConfig config = config();
        RetrievalDataGate.Checked checked = new RetrievalDataGate(lockOptions.load(), cacheOptions.cache(), offline,
                allowUnlocked).open(dataset, split, Optional.ofNullable(language).map(Language::of));
        RetrievalDataset data = checked.dataset();
        EmbeddingCache cache = embeddingCache != null ? new EmbeddingCache(embeddingCache) : EmbeddingCache.standard();
        RetrievalOutcome outcome = Retrieval.run(data, config, cache);
        String reportId = RetrievalReport.reportId(outcome, bootstrap);
        Path dir = outDir != null ? outDir : reportsDir.resolve(reportId);
        List<String> command = new ArrayList<>(List.of("proctor", "retrieve"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        Table summary = RetrievalReport.write(outcome, dir, reportId, command, bootstrap, Optional.of(checked.check()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Files.readString(dir.resolve(RetrievalReport.RESULTS)));
            return 0;
        }
        out.printf(Locale.ROOT, "%s (%s, %d queries, %d documents) with %s: nDCG@10 = %.4f%n", data.name(),
                data.split(), data.queries().size(), data.corpus().size(), config.retriever().id(), outcome.mainScore());
        out.println(MarkdownTable.render(summary));
        DataCheck check = checked.check();
        out.printf(Locale.ROOT, "data: %s (%s %s, %d files checked)%n", check.status(), check.dataset(), check.version(),
                check.files());
        out.println("report: " + dir);
        return 0;
    }

    RetrievalConfig config() {
        RetrievalConfig.Builder builder = RetrievalConfig.builder(RetrieverKind.of(retriever))
                .optBm25(new Bm25Params(k1, b))
                .optTopK(topK)
                .optBatchTokens(batchTokens)
                .optBatching(EncoderBatching.of(batching))
                .optDevice(device)
                .optSearch(SearchMode.of(search))
                .optExactMaxDocs(exactMaxDocs)
                .optHnsw(new HnswParams(hnswM, hnswBeam, 0))
                .optRrfK(rrfK)
                .optAlpha(alpha)
                .optCutoffs(cutoffs);
        if (encoder != null) {
            builder.optEncoder(encoder);
        }
        if (analyzer != null) {
            builder.optAnalyzer(AnalyzerChoice.of(analyzer));
        }
        if (pooling != null) {
            builder.optPooling(Pooling.of(pooling));
        }
        if (queryPrefix != null) {
            builder.optQueryPrefix(queryPrefix);
        }
        return builder.build();
    }
}
