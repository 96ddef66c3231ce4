package dev.proctor.tasks.retrieval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.retrieval.metrics.MetricOptions;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-query bootstrap of the report on hand-made evaluations (no retrieval run needed). */
class QueryBootstrapTest {
    static final List<String> MEASURES = List.of("ndcg_cut_10", "map_cut_10", "recall_10", "recip_rank");

    /** Ten queries' values of each measure; {@code copies} repeats them, so the mean stays and n grows. */
    static Evaluation handMade(int copies) {
        double[][] base = {
                {1.0, 0.6309, 0.0, 0.5, 1.0, 0.9197, 0.3869, 1.0, 0.0, 0.7654},
                {1.0, 0.5, 0.0, 0.3333, 1.0, 0.8333, 0.25, 1.0, 0.0, 0.6667},
                {1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.5, 1.0, 0.0, 1.0},
                {1.0, 0.5, 0.0, 0.3333, 1.0, 1.0, 0.25, 1.0, 0.1, 0.5},
        };
        Map<String, Map<String, Double>> perQuery = new LinkedHashMap<>();
        for (int c = 0; c < copies; c++) {
            for (int q = 0; q < base[0].length; q++) {
                Map<String, Double> row = new LinkedHashMap<>();
                for (int m = 0; m < MEASURES.size(); m++) {
                    row.put(MEASURES.get(m), base[m][q]);
                }
                perQuery.put(String.format("q%04d", c * base[0].length + q), row);
            }
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        for (String m : MEASURES) {
            mean.put(m, perQuery.values().stream().mapToDouble(r -> r.get(m)).sum() / perQuery.size());
        }
        return new Evaluation(MetricOptions.of(List.of(10)), MEASURES, perQuery, mean, perQuery.size(), List.of(),
                Map.of());
    }

    @Test
    void theIntervalHoldsTheMeanAndNarrowsWithMoreQueries() {
        QueryBootstrap.Intervals few = QueryBootstrap.of(handMade(1));
        QueryBootstrap.Intervals many = QueryBootstrap.of(handMade(10));
        assertEquals(BootstrapConfig.DEFAULT_RESAMPLES, few.config().resamples());
        assertEquals(10, few.queries());
        assertEquals(100, many.queries());
        assertEquals(MEASURES, List.copyOf(few.intervals().keySet()), "the main measures, in order");
        for (String m : MEASURES) {
            QueryBootstrap.Interval a = few.of(m).orElseThrow();
            QueryBootstrap.Interval b = many.of(m).orElseThrow();
            assertEquals(a.mean(), b.mean(), 1e-12, m);
            for (QueryBootstrap.Interval i : List.of(a, b)) {
                BootstrapSummary s = i.bootstrap();
                assertEquals(95, s.confidence().percent());
                assertTrue(s.ciLow() <= i.mean() && i.mean() <= s.ciHigh(), m + " " + s);
                assertTrue(s.ciLow() < s.ciHigh() && s.seDdof1() > 0, m + " " + s);
            }
            double wideFew = a.bootstrap().ciHigh() - a.bootstrap().ciLow();
            double wideMany = b.bootstrap().ciHigh() - b.bootstrap().ciLow();
            // ten times the queries: about sqrt(10) = 3.2 times narrower
            assertTrue(wideMany < wideFew / 2, m + ": " + wideMany + " vs " + wideFew);
            assertTrue(b.bootstrap().seDdof1() < a.bootstrap().seDdof1() / 2, m);
        }
    }

    @Test
    void theSeedDecidesTheInterval() {
        Evaluation e = handMade(2);
        BootstrapConfig seed7 = new BootstrapConfig(2_000, 7, ConfidenceLevel.NINETY_FIVE);
        QueryBootstrap.Intervals a = QueryBootstrap.of(e, seed7);
        QueryBootstrap.Intervals again = QueryBootstrap.of(e, seed7);
        QueryBootstrap.Intervals other = QueryBootstrap.of(e,
                new BootstrapConfig(2_000, 8, ConfidenceLevel.NINETY_FIVE));
        for (String m : MEASURES) {
            assertEquals(a.of(m).orElseThrow().bootstrap(), again.of(m).orElseThrow().bootstrap(), m);
        }
        BootstrapSummary x = a.of("ndcg_cut_10").orElseThrow().bootstrap();
        BootstrapSummary y = other.of("ndcg_cut_10").orElseThrow().bootstrap();
        assertNotEquals(List.of(x.ciLow(), x.ciHigh(), x.seDdof1()), List.of(y.ciLow(), y.ciHigh(), y.seDdof1()));
    }

    @Test
    void measuresNotComputedAreSkipped() {
        Evaluation e = handMade(1);
        Evaluation onlyNdcg = new Evaluation(e.options(), List.of("ndcg_cut_10"), e.perQuery(), e.mean(),
                e.numQueries(), List.of(), Map.of());
        assertEquals(List.of("ndcg_cut_10"), List.copyOf(QueryBootstrap.of(onlyNdcg).intervals().keySet()));
    }
}
