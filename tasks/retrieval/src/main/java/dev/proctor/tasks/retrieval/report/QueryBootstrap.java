package dev.proctor.tasks.retrieval.report;

import dev.proctor.retrieval.metrics.Averaging;
import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.stats.bootstrap.Resamples;
import dev.proctor.stats.bootstrap.Strata;
import dev.proctor.stats.bootstrap.StratifiedBootstrap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-query bootstrap confidence intervals of a run's main measures, computed by proctor-stats: one seeded
 * percentile bootstrap over the queries ({@link StratifiedBootstrap} with a single stratum, so every resample draws
 * as many queries as were averaged), every measure scored on the same draws; SE is the std of the B resampled
 * means (ddof 1), the interval numpy's 'linear' percentiles ({@link BootstrapSummary}).
 *
 * <p>The queries are those the means are taken over: the evaluated ones, plus, under
 * {@link Averaging#ALL_QRELS_QUERIES}, a 0 for every judged query the run lacks (as trec_eval -c counts it).
 */
public final class QueryBootstrap {
    /** The measures given intervals, in pytrec_eval's names; those the evaluation did not compute are skipped. */
    public static final List<String> MEASURES = List.of("ndcg_cut_10", "map_cut_10", "recall_10", "P_10",
            "success_10", "recip_rank");

    /**
     * One measure's interval.
     *
     * @param measure   pytrec_eval name
     * @param queries   how many queries were resampled
     * @param mean      the reported mean (the evaluation's)
     * @param bootstrap SE and percentile interval of the resampled means
     */
    public record Interval(String measure, int queries, double mean, BootstrapSummary bootstrap) {
    }

    /**
     * The intervals of one evaluation.
     *
     * @param config    resamples, seed and level
     * @param queries   how many queries were resampled
     * @param intervals measure to interval, in {@link #MEASURES} order; empty when there were no queries
     */
    public record Intervals(BootstrapConfig config, int queries, Map<String, Interval> intervals) {
        public Intervals {
            intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        }

        public Optional<Interval> of(String measure) {
            return Optional.ofNullable(intervals.get(measure));
        }
    }

    private QueryBootstrap() {
    }

    /** With the stats module's defaults: B = 10,000, seed 1234, 95%. */
    public static Intervals of(Evaluation e) {
        return of(e, BootstrapConfig.defaults());
    }

    public static Intervals of(Evaluation e, BootstrapConfig config) {
        List<String> measures = new ArrayList<>();
        for (String m : MEASURES) {
            if (e.measures().contains(m)) {
                measures.add(m);
            }
        }
        int evaluated = e.perQuery().size();
        int n = e.options().averaging() == Averaging.ALL_QRELS_QUERIES ? Math.max(evaluated, e.numQueries())
                : evaluated;
        if (n == 0 || measures.isEmpty()) {
            return new Intervals(config, n, Map.of());
        }
        double[][] series = new double[measures.size()][n]; // missing judged queries stay 0
        int q = 0;
        for (Map<String, Double> row : e.perQuery().values()) {
            for (int v = 0; v < measures.size(); v++) {
                series[v][q] = row.get(measures.get(v));
            }
            q++;
        }
        Resamples res = StratifiedBootstrap.run(series, Strata.single("queries", n), config);
        Map<String, Interval> out = new LinkedHashMap<>();
        for (int v = 0; v < measures.size(); v++) {
            out.put(measures.get(v), new Interval(measures.get(v), n, e.mean(measures.get(v)),
                    BootstrapSummary.of(res.micro()[v], config.confidence())));
        }
        return new Intervals(config, n, out);
    }
}
