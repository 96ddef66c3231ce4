package dev.proctor.tasks.retrieval.report;

import dev.proctor.api.ProctorException;
import dev.proctor.datafiles.Sha256;
import dev.proctor.report.DataCheck;
import dev.proctor.report.MarkdownTable;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.tasks.retrieval.RetrievalOutcome;
import dev.proctor.tasks.retrieval.eval.RunScoring;
import dev.proctor.tasks.retrieval.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Writes a retrieval run's report folder: the run ({@code run.trec}, TREC format), per-query scores
 * ({@code per_query.csv}), the summary ({@code summary.csv} and {@code summary.md}, with per-query bootstrap
 * intervals of the main measures from proctor-stats) and {@code results.json} with the provenance of every number,
 * the bootstrap's B, seed and RNG included. Each file is written atomically.
 */
public final class RetrievalReport {
    public static final String RUN = "run.trec";
    public static final String PER_QUERY = "per_query.csv";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String SUMMARY_MD = "summary.md";
    public static final String RESULTS = "results.json";

    private RetrievalReport() {
    }

    /**
     * A report id from what decides the numbers: dataset files, retriever settings, for dense runs the encoder's
     * files and configuration, and the bootstrap settings of the intervals.
     */
    public static String reportId(RetrievalOutcome out, BootstrapConfig bootstrap) {
        String canonical = RetrievalJson.dataset(out.dataset()).path("files").toString()
                + RetrievalJson.config(out.config())
                + out.dense().map(d -> d.cacheKey() + d.encoder().config()).orElse("")
                + out.lexical().map(l -> l.analyzer().id() + l.params()).orElse("")
                + "bootstrap " + bootstrap.resamples() + " " + bootstrap.seed() + " " + bootstrap.confidence().percent();
        String name = ("retrieve-" + out.dataset().name() + "-" + out.config().retriever().id())
                .replaceAll("[^A-Za-z0-9_.-]+", "_");
        return name + "-" + Sha256.of(canonical).substring(0, 10);
    }

    /**
     * Writes the report with per-query bootstrap intervals at proctor-stats' defaults (B = 10,000, seed 1234, 95%).
     *
     * @return the summary table
     */
    public static Table write(RetrievalOutcome out, Path dir, String reportId, List<String> command) {
        return write(out, dir, reportId, command, BootstrapConfig.defaults(), Optional.empty());
    }

    /**
     * @param dataCheck how the dataset's files were checked against datasets.lock (verified, unlocked, bundled),
     *                  recorded in results.json
     * @return the summary table
     */
    public static Table write(RetrievalOutcome out, Path dir, String reportId, List<String> command,
                              BootstrapConfig bootstrap, Optional<DataCheck> dataCheck) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ProctorException("cannot create the report folder " + dir + ": " + e, e);
        }
        String tag = ("proctor-" + out.config().retriever().id()).replaceAll("\\s+", "_");
        AtomicFiles.write(dir.resolve(RUN), f -> RunScoring.writeRun(out.run(), f, tag));
        Table perQuery = RetrievalTables.perQuery(out.evaluation());
        AtomicFiles.write(dir.resolve(PER_QUERY), f -> perQuery.write().csv(f.toFile()));
        QueryBootstrap.Intervals ci = QueryBootstrap.of(out.evaluation(), bootstrap);
        Table summary = RetrievalTables.summary(out, ci);
        AtomicFiles.write(dir.resolve(SUMMARY_CSV), f -> summary.write().csv(f.toFile()));
        AtomicFiles.writeString(dir.resolve(SUMMARY_MD), markdown(out, summary, ci));
        AtomicFiles.write(dir.resolve(RESULTS), f -> RetrievalJson.MAPPER.writeValue(f.toFile(),
                RetrievalJson.results(out, ci, reportId, command, Instant.now(), dataCheck)));
        return summary;
    }

    static String markdown(RetrievalOutcome out, Table summary, QueryBootstrap.Intervals ci) {
        StringBuilder md = new StringBuilder();
        md.append("# Retrieval: ").append(out.dataset().name()).append(" (").append(out.dataset().split())
                .append("), ").append(out.config().retriever().id()).append("\n\n");
        md.append(String.format(Locale.ROOT, "nDCG@10 = %.4f over %d queries (pytrec_eval conventions)",
                out.mainScore(), out.evaluation().numQueries()));
        ci.of(RunScoring.MAIN_MEASURE).ifPresent(i -> md.append(String.format(Locale.ROOT,
                ", %s%% CI [%.4f, %.4f], bootstrap SE %.4f", level(ci), i.bootstrap().ciLow(), i.bootstrap().ciHigh(),
                i.bootstrap().seDdof1())));
        md.append(".\n\n");
        out.dense().ifPresent(d -> md.append("- dense: ").append(d.encoder().config().name()).append(", pooling ")
                .append(d.encoder().config().pooling().id()).append(", query prefix \"")
                .append(d.encoder().config().queryPrefix()).append("\", ").append(d.searcher())
                .append(d.hnswRecallAt10().isPresent() ? String.format(Locale.ROOT, ", HNSW recall@10 vs exact %.4f",
                        d.hnswRecallAt10().getAsDouble()) : "")
                .append(d.cacheHit() ? ", corpus vectors from cache" : "").append("; encoded ")
                .append(d.batching().describe()).append('\n'));
        out.lexical().ifPresent(l -> md.append("- BM25: Lucene ").append(l.luceneVersion()).append(", ")
                .append(l.analyzer().description()).append(String.format(Locale.ROOT, ", k1=%s, b=%s",
                        l.params().k1(), l.params().b())).append('\n'));
        md.append('\n').append(MarkdownTable.render(
                summary.copy().removeColumns(RetrievalTables.BOOTSTRAP_SETTINGS.toArray(String[]::new))));
        if (!ci.intervals().isEmpty()) {
            md.append(String.format(Locale.ROOT, "%nbootstrap_se, ci_low, ci_high: %s%% percentile bootstrap over"
                    + " the %d queries (numpy 'linear' percentiles, SE ddof 1), B = %d resamples, seed %d, RNG %s.%n",
                    level(ci), ci.queries(), ci.config().resamples(), ci.config().seed(), BootstrapConfig.RNG));
        }
        out.evaluation().notes().forEach(n -> md.append("\nNote: ").append(n).append('\n'));
        return md.toString();
    }

    private static String level(QueryBootstrap.Intervals ci) {
        double p = ci.config().confidence().percent();
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
