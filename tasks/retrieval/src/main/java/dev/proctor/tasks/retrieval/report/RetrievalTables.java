package dev.proctor.tasks.retrieval.report;

import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.tasks.retrieval.RetrievalOutcome;
import dev.proctor.tasks.retrieval.eval.RunScoring;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The report's tables: the summary (one row per measure, main score first, with per-query bootstrap intervals of
 * the main measures) and one row per query.
 */
public final class RetrievalTables {
    /** Columns of the summary that are the same on every bootstrapped row; summary.md states them once instead. */
    public static final List<String> BOOTSTRAP_SETTINGS = List.of("ci_level", "bootstrap_resamples",
            "bootstrap_seed");

    private RetrievalTables() {
    }

    /** The summary with the per-query bootstrap intervals at the stats module's defaults. */
    public static Table summary(RetrievalOutcome out) {
        return summary(out, QueryBootstrap.of(out.evaluation()));
    }

    /**
     * One row per measure, main score first: the mean over the queries and, for {@link QueryBootstrap#MEASURES},
     * the bootstrap SE (ddof 1) and percentile interval over queries (empty cells for the other measures).
     */
    public static Table summary(RetrievalOutcome out, QueryBootstrap.Intervals ci) {
        Evaluation e = out.evaluation();
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn split = StringColumn.create("split");
        StringColumn retriever = StringColumn.create("retriever");
        StringColumn measure = StringColumn.create("measure");
        DoubleColumn value = DoubleColumn.create("mean");
        IntColumn n = IntColumn.create("queries");
        DoubleColumn se = DoubleColumn.create("bootstrap_se");
        DoubleColumn low = DoubleColumn.create("ci_low");
        DoubleColumn high = DoubleColumn.create("ci_high");
        DoubleColumn level = DoubleColumn.create("ci_level");
        IntColumn resamples = IntColumn.create("bootstrap_resamples");
        LongColumn seed = LongColumn.create("bootstrap_seed");
        java.util.List<String> order = new java.util.ArrayList<>(e.measures());
        order.remove(RunScoring.MAIN_MEASURE);
        order.add(0, RunScoring.MAIN_MEASURE);
        for (String m : order) {
            dataset.append(out.dataset().name());
            split.append(out.dataset().split());
            retriever.append(out.config().retriever().id());
            measure.append(m);
            value.append(e.mean(m));
            n.append(e.numQueries());
            Optional<QueryBootstrap.Interval> interval = ci.of(m);
            if (interval.isPresent()) {
                BootstrapSummary b = interval.get().bootstrap();
                se.append(b.seDdof1());
                low.append(b.ciLow());
                high.append(b.ciHigh());
                level.append(b.confidence().percent());
                resamples.append(b.resamples());
                seed.append(ci.config().seed());
            } else {
                se.appendMissing();
                low.appendMissing();
                high.appendMissing();
                level.appendMissing();
                resamples.appendMissing();
                seed.appendMissing();
            }
        }
        return Table.create("summary", dataset, split, retriever, measure, value, n, se, low, high, level,
                resamples, seed);
    }

    public static Table perQuery(Evaluation e) {
        StringColumn query = StringColumn.create("query_id");
        Table table = Table.create("per_query", query);
        for (String m : e.measures()) {
            table.addColumns(DoubleColumn.create(m));
        }
        for (Map.Entry<String, Map<String, Double>> row : e.perQuery().entrySet()) {
            query.append(row.getKey());
            for (String m : e.measures()) {
                table.doubleColumn(m).append(row.getValue().get(m));
            }
        }
        return table;
    }
}
