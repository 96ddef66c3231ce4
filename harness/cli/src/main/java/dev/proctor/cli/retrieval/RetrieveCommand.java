package dev.proctor.cli.retrieval;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.request.Ranking;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.cli.ProgressOptions;
import dev.proctor.cli.RunOutputOptions;
import dev.proctor.cli.datasets.CacheOptions;
import dev.proctor.cli.datasets.LockOptions;
import dev.proctor.cli.stats.IntervalOptions;
import dev.proctor.core.aggregate.TaskSummary;
import dev.proctor.core.evaluate.Evaluation;
import dev.proctor.core.evaluate.Evaluator;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.select.DataSources;
import dev.proctor.datasets.DatasetEntry;
import dev.proctor.model.djl.encoder.EmbeddedEncoder;
import dev.proctor.report.DataCheck;
import dev.proctor.retrieval.Run;
import dev.proctor.retrieval.io.TrecRunFile;
import dev.proctor.tasks.retrieval.data.BeirReader;
import dev.proctor.tasks.retrieval.data.BundledDatasets;
import dev.proctor.tasks.retrieval.data.DatasetMetadata;
import dev.proctor.tasks.retrieval.data.Language;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code proctor retrieve}: a thin alias of {@code proctor run} for one retrieval dataset, in the words retrieval
 * users know, that also writes the rankings as a TREC run file. {@code --dataset} becomes a {@code retrieval} task selection and its data source, {@code --retriever}
 * and {@code --encoder} become the model ({@code bm25}, {@code embedded:bge-small-en},
 * {@code hybrid-rrf:embedded:bge-small-en+bm25}), the retriever options become model options; the evaluation is the
 * one every command runs.
 */
@Command(name = "retrieve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Retrieve with BM25 (Lucene), a dense encoder (ONNX or TorchScript via DJL) or a hybrid of both on a BEIR "
                + "dataset, and score the run with trec_eval's conventions (main score nDCG@10). The same as"
                + " 'proctor run --tasks retrieval:NAME --model ...'."})
public final class RetrieveCommand implements Callable<Integer> {
    static final String BUNDLED = "bundled:";
    /** The rankings as a TREC run file, beside the report. */
    public static final String RUN_FILE = "run.trec";

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
            description = "bge-small-en, bge-small-zh, minilm, onnx:DIR or torchscript:DIR. Default: bge-small-en for"
                    + " English, bge-small-zh for Chinese.")
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

    @Option(names = "--k1", description = "BM25 k1. Default: 1.2.")
    Float k1;

    @Option(names = "--b", description = "BM25 b. Default: 0.75.")
    Float b;

    @Option(names = "--pooling", paramLabel = "cls|mean", description = "Overrides the encoder's pooling.")
    String pooling;

    @Option(names = "--query-prefix", paramLabel = "TEXT",
            description = "Overrides the encoder's query instruction (use \"\" for none).")
    String queryPrefix;

    @Option(names = "--top-k", defaultValue = "100", description = "Documents per query. Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--batch-tokens", defaultValue = "" + RunConfig.DEFAULT_BATCH_TOKENS,
            description = "Padded tokens per encoder call. Default: ${DEFAULT-VALUE}.")
    int batchTokens;

    @Option(names = "--batching", paramLabel = "auto|budget|per-text",
            description = "auto: measure when the encoder opens whether its vectors depend on the batch and, if so,"
                    + " encode one text per call, so scores never depend on --batch-tokens; budget: always batch;"
                    + " per-text: never. Default: auto.")
    String batching;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu|gpu:N",
            description = "Where the encoder runs (as for language models; no silent fallback). Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--search", description = "auto, exact or hnsw. Default: auto (exact up to --exact-max-docs).")
    String search;

    @Option(names = "--exact-max-docs", description = "Largest corpus searched exactly under --search auto. Default: 20000.")
    Integer exactMaxDocs;

    @Option(names = "--hnsw-m", description = "HNSW neighbours per node. Default: 16.")
    Integer hnswM;

    @Option(names = "--hnsw-beam", description = "HNSW build beam width. Default: 100.")
    Integer hnswBeam;

    @Option(names = "--rrf-k", description = "RRF constant. Default: 60.")
    Integer rrfK;

    @Option(names = "--alpha", description = "Dense weight of hybrid-interp (min-max normalised). Default: 0.5.")
    Double alpha;

    @Option(names = "--k", split = ",", paramLabel = "K",
            description = "Cutoffs of the @k measures. Default: 1,3,5,10,100.")
    List<Integer> cutoffs;

    @Mixin
    RunOutputOptions output = new RunOutputOptions();

    /** The per-query bootstrap intervals of the summary. */
    @Mixin
    IntervalOptions intervals = new IntervalOptions();

    @Mixin
    ProgressOptions progress = new ProgressOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunConfig config = new RunConfig(List.of(selection()), settings(), batchTokens, intervals.bootstrap());
        DataSources data = dataSources();
        Evaluator evaluator = new Evaluator(TaskRegistry.discover(), ModelRegistry.discover(), data);
        Evaluation evaluation = evaluator.evaluate(config, model(data), output.output(),
                progress.listener());
        writeRunFile(evaluation, evaluation.directory().resolve(RUN_FILE), "proctor-" + retriever.strip()
                .toLowerCase(Locale.ROOT));
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(evaluation.report().resultsJson());
            return 0;
        }
        TaskSummary t = evaluation.report().summary().task("retrieval");
        for (var row : t.subjects()) {
            out.printf(Locale.ROOT, "%s (%s, %d queries) with %s: nDCG@10 = %.4f%n", row.name(), split, row.n(),
                    evaluation.report().provenance().modelSpec(), row.metric("ndcg_cut_10").value());
        }
        out.print(evaluation.report().tables(true));
        for (DataCheck check : evaluation.report().provenance().dataChecks()) {
            out.printf(Locale.ROOT, "data: %s (%s %s, %d files checked)%n", check.status(), check.dataset(),
                    check.version(), check.files());
        }
        out.println("report: " + evaluation.directory() + " (rankings in " + RUN_FILE + ")");
        return 0;
    }

    /** {@code retrieval:NAME} for a bundled or locked dataset; {@code retrieval} for a folder (its one dataset). */
    String selection() {
        if (dataset.startsWith(BUNDLED)) {
            return "retrieval:" + dataset.substring(BUNDLED.length());
        }
        return Files.isDirectory(Path.of(dataset)) ? "retrieval" : "retrieval:" + dataset;
    }

    private DataSources dataSources() {
        Map<String, Path> given = new LinkedHashMap<>();
        boolean folder = !dataset.startsWith(BUNDLED) && Files.isDirectory(Path.of(dataset));
        if (folder) {
            given.put("retrieval", Path.of(dataset).toAbsolutePath().normalize());
        } else if (!dataset.startsWith(BUNDLED) && lockOptions.load().find(dataset).filter(RetrieveCommand::isRetrieval)
                .isEmpty()) {
            throw new ProctorException("--dataset " + dataset + ": expected bundled:NAME (" + String.join(", ",
                    BundledDatasets.names()) + "), a BEIR folder (corpus.jsonl, queries.jsonl, qrels/<split>.tsv)"
                    + " or the id of a retrieval dataset in datasets.lock (locked: " + lockOptions.load().datasets()
                    .stream().filter(RetrieveCommand::isRetrieval).map(DatasetEntry::id).toList()
                    + "); found none of these");
        }
        return new DataSources(given, folder && allowUnlocked ? Set.of("retrieval") : Set.of(), lockOptions.load(),
                cacheOptions.cache(), offline, System.err::println);
    }

    /** A locked dataset in the BEIR layout: one of its files is a corpus.jsonl. */
    private static boolean isRetrieval(DatasetEntry entry) {
        return entry.files().stream().anyMatch(f -> f.path().equals(BeirReader.CORPUS)
                || f.path().endsWith("/" + BeirReader.CORPUS));
    }

    /** The rankings as a TREC run file, for trec_eval or any other scorer. */
    private static void writeRunFile(Evaluation evaluation, Path file, String tag) {
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        var items = evaluation.report().plan().items();
        for (int i = 0; i < items.size(); i++) {
            Ranking ranking = (Ranking) evaluation.report().outcome().responses().get(i).get(0);
            scores.put(items.get(i).item().id(), ranking.scores());
        }
        TrecRunFile.write(new Run(scores), file, tag);
    }

    TaskSettings settings() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("top-k", String.valueOf(topK));
        if (cutoffs != null) {
            args.put("k", String.join(",", cutoffs.stream().map(String::valueOf).toList()));
        }
        if (language != null) {
            args.put("language", Language.of(language).id());
        }
        return new TaskSettings(Split.parse(split), 0, OptionalInt.empty(), PromptFormat.OFFICIAL, ScoringMode.LETTER,
                intervals.bootstrap().seed(), args);
    }

    /** The retriever as a model spec, with its options. */
    ModelSpec model(DataSources data) {
        Map<String, String> args = new LinkedHashMap<>();
        put(args, "analyzer", analyzer);
        put(args, "k1", k1);
        put(args, "b", b);
        put(args, "pooling", pooling);
        put(args, "query-prefix", queryPrefix);
        put(args, "search", search);
        put(args, "exact-max-docs", exactMaxDocs);
        put(args, "hnsw-m", hnswM);
        put(args, "hnsw-beam", hnswBeam);
        put(args, "rrf-k", rrfK);
        put(args, "alpha", alpha);
        put(args, "batching", batching);
        if ("budget".equals(batching)) {
            args.put("encoder-batch-tokens", String.valueOf(batchTokens));
        }
        String model = switch (retriever.strip().toLowerCase(Locale.ROOT)) {
            case "bm25" -> "bm25";
            case "dense" -> encoderSpec(data);
            case "hybrid-rrf" -> "hybrid-rrf:" + encoderSpec(data) + "+bm25";
            case "hybrid-interp" -> "hybrid-interp:" + encoderSpec(data) + "+bm25";
            default -> throw new dev.proctor.api.UnknownNameException("retriever", retriever,
                    List.of("bm25", "dense", "hybrid-rrf", "hybrid-interp"));
        };
        return ModelSpec.parse(model, device, args);
    }

    private String encoderSpec(DataSources data) {
        if (encoder == null) {
            return "embedded:" + (language(data) == Language.ZH ? EmbeddedEncoder.BGE_SMALL_ZH : EmbeddedEncoder.BGE_SMALL_EN)
                    .id();
        }
        if (encoder.startsWith("onnx:")) {
            return "onnx-encoder:" + encoder.substring("onnx:".length());
        }
        if (encoder.startsWith("torchscript:")) {
            return "torchscript-encoder:" + encoder.substring("torchscript:".length());
        }
        return "embedded:" + EmbeddedEncoder.of(encoder).id();
    }

    /** The dataset's language, for the default encoder: --language, else dataset.json, else the corpus's letters. */
    private Language language(DataSources data) {
        if (language != null) {
            return Language.of(language);
        }
        Path dir;
        if (dataset.startsWith(BUNDLED)) {
            return BundledDatasets.metadata(dataset.substring(BUNDLED.length())).language().orElse(Language.EN);
        } else if (Files.isDirectory(Path.of(dataset))) {
            dir = Path.of(dataset);
        } else {
            dir = data.resolve(TaskRegistry.discover().get("retrieval"), Optional.of(dataset)).dir();
        }
        return DatasetMetadata.read(dir).language().orElseGet(() -> Language.detect(dir));
    }

    private static void put(Map<String, String> args, String key, Object value) {
        if (value != null) {
            args.put(key, String.valueOf(value));
        }
    }
}
