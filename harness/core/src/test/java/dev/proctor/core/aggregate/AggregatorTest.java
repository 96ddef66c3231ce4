package dev.proctor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.request.RequestKind;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.ReferenceAverage;
import dev.proctor.core.plan.TaskPlan;
import dev.proctor.core.testkit.Fixtures;
import dev.proctor.core.testkit.LineTask;
import dev.proctor.stats.Averaging;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import dev.proctor.stats.bootstrap.Resamples;
import dev.proctor.stats.bootstrap.StratifiedBootstrap;
import dev.proctor.stats.bootstrap.Strata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed example: s1 (category X) hits 1,1,0,1; s2 (X and Y) 0,0; s3 (Y) 1. Values are real numbers so the
 * non-binary standard error is exercised too.
 */
class AggregatorTest {
    private static final double EPS = 1e-12;
    private static final BootstrapConfig BOOTSTRAP = new BootstrapConfig(2000, 11, ConfidenceLevel.NINETY_FIVE);
    private static final List<String> SUBJECTS = List.of("s1", "s1", "s1", "s1", "s2", "s2", "s3");
    private static final double[] HITS = {1, 1, 0, 1, 0, 0, 1};
    private static final double[] VALUES = {0.5, 1.5, 2.0, 4.0, -1.0, 3.0, 2.5};

    private static TaskSummary summary(boolean corpus) {
        LineTask task = new LineTask("t", RequestKind.PREDICT);
        if (corpus) {
            task.withCorpusMetric();
        }
        TaskPlan plan = new TaskPlan(task, task.metrics(Fixtures.settings()), Map.of(),
                Map.of("s1", List.of("X"), "s2", List.of("X", "Y"), "s3", List.of("Y")));
        List<ItemScore> scores = new ArrayList<>();
        for (int i = 0; i < HITS.length; i++) {
            scores.add(new ItemScore(Map.of("hit", HITS[i], "value", VALUES[i]), null, Map.of()));
        }
        return Aggregator.task(plan, scores, SUBJECTS, BOOTSTRAP);
    }

    @Test
    void aReferenceAverageIsTheUnweightedMeanOfItsCategoriesMacroAverages() {
        LineTask task = new LineTask("t", RequestKind.PREDICT).withReferences(
                new ReferenceAverage("README average", List.of("X", "Y"), "mean of X and Y"),
                new ReferenceAverage("with Z", List.of("X", "Z"), "Z has no subject"));
        TaskPlan plan = new TaskPlan(task, task.metrics(Fixtures.settings()), Map.of(),
                Map.of("s1", List.of("X"), "s2", List.of("X", "Y"), "s3", List.of("Y")));
        List<ItemScore> scores = new ArrayList<>();
        for (int i = 0; i < HITS.length; i++) {
            scores.add(new ItemScore(Map.of("hit", HITS[i], "value", VALUES[i]), null, Map.of()));
        }
        TaskSummary t = Aggregator.task(plan, scores, SUBJECTS, BOOTSTRAP);
        ScoreRow readme = t.groups().stream().filter(g -> g.name().equals("README average")).findFirst().orElseThrow();
        assertEquals(ScoreRow.Level.REFERENCE, readme.level());
        double x = macro(t, "X");
        double y = macro(t, "Y");
        assertEquals((x + y) / 2, readme.metric("hit").value(), EPS);
        assertEquals(0.4375, readme.metric("hit").value(), EPS, "(0.375 + 0.5) / 2");
        assertTrue(readme.metric("hit").ciLow() <= 0.4375 && 0.4375 <= readme.metric("hit").ciHigh());
        ScoreRow z = t.groups().stream().filter(g -> g.name().equals("with Z")).findFirst().orElseThrow();
        assertTrue(Double.isNaN(z.metric("hit").value()));
        assertEquals("no selected subject is in Z", z.metric("hit").undefined().get("value"));
    }

    private static double macro(TaskSummary t, String group) {
        return t.groups().stream().filter(g -> g.name().equals(group) && g.averaging().orElse(null) == Averaging.MACRO)
                .findFirst().orElseThrow().metric("hit").value();
    }

    @Test
    void subjectRowsHaveTheMeanBothStandardErrorsAndTheBootstrapInterval() {
        TaskSummary t = summary(false);
        assertEquals(List.of("s1", "s2", "s3"), t.subjects().stream().map(ScoreRow::name).toList());
        MetricValue s1 = t.subjects().get(0).metric("hit");
        assertEquals(0.75, s1.value(), EPS);
        assertEquals(0.25, s1.stderr(), EPS, "sqrt(.75 * .25 / 3), lm-eval's");
        assertEquals(Math.sqrt(0.75 * 0.25 / 4), s1.stderrBinomial(), EPS);
        MetricValue v1 = t.subjects().get(0).metric("value");
        double mean = 2.0;
        double sample = Math.sqrt(((0.5 - mean) * (0.5 - mean) + 0.25 + 0 + 4) / 3);
        assertEquals(mean, v1.value(), EPS);
        assertEquals(sample / 2, v1.stderr(), EPS, "sample std / sqrt(n)");
        assertTrue(Double.isNaN(v1.stderrBinomial()), "no binomial error for a real-valued metric");

        MetricValue s3 = t.subjects().get(2).metric("hit");
        assertTrue(Double.isNaN(s3.stderr()));
        assertEquals("one item has no sample variance", s3.undefined().get("stderr"));

        Resamples r = StratifiedBootstrap.run(new double[][] {HITS, VALUES}, Strata.byLabel(SUBJECTS), BOOTSTRAP);
        BootstrapSummary b = BootstrapSummary.of(r.perStratum()[0][0], BOOTSTRAP.confidence());
        assertEquals(b.ciLow(), s1.ciLow(), 0.0, "the subject interval is the stratified bootstrap's, every metric"
                + " on the same draws");
        assertEquals(b.ciHigh(), s1.ciHigh(), 0.0);
        BootstrapSummary bv = BootstrapSummary.of(r.perStratum()[1][0], BOOTSTRAP.confidence());
        assertEquals(bv.ciHigh(), v1.ciHigh(), 0.0);
    }

    @Test
    void groupsAreMacroAndMicroWithLmEvalsStandardErrors() {
        TaskSummary t = summary(false);
        assertEquals(List.of("X/macro", "X/micro", "Y/macro", "Y/micro", "overall/macro", "overall/micro"),
                t.groups().stream().map(g -> g.name() + "/" + g.averagingId()).toList());
        MetricValue macroX = t.groups().get(0).metric("hit");
        assertEquals((0.75 + 0) / 2, macroX.value(), EPS);
        assertEquals(Math.sqrt(0.0625 + 0) / 2, macroX.stderr(), EPS, "sqrt(sum se^2) / k");
        MetricValue microX = t.groups().get(1).metric("hit");
        assertEquals(3.0 / 6, microX.value(), EPS);
        assertEquals(Math.sqrt((3 * 4 * 0.0625 + 1 * 2 * 0) / (6 - 2) / 6.0), microX.stderr(), EPS,
                "lm-eval's pooled_sample_stderr");
        assertEquals(Math.sqrt(0.5 * 0.5 / 6), microX.stderrBinomial(), EPS);
        MetricValue macroY = t.groups().get(2).metric("hit");
        assertTrue(Double.isNaN(macroY.stderr()), "s3 has one item");
        assertTrue(macroY.undefined().containsKey("stderr"));
        ScoreRow overall = t.overall(Averaging.MICRO);
        assertEquals(7, overall.n());
        assertEquals(4.0 / 7, overall.metric("hit").value(), EPS);
        assertEquals((0.75 + 0 + 1) / 3, t.overall(Averaging.MACRO).metric("hit").value(), EPS);
        for (ScoreRow g : t.groups()) {
            MetricValue v = g.metric("hit");
            assertTrue(v.ciLow() <= v.value() + EPS && v.value() <= v.ciHigh() + EPS, g.name() + " " + v);
        }
    }

    @Test
    void corpusMetricsAreComputedOnEachSetWithABootstrapOverItems() {
        TaskSummary t = summary(true);
        MetricValue s1 = t.subjects().get(0).metric("rate");
        assertEquals(0.75, s1.value(), EPS);
        assertTrue(s1.stderr() > 0 && s1.ciLow() < s1.ciHigh(), s1.toString());
        assertEquals(4.0 / 7, t.overall(Averaging.MICRO).metric("rate").value(), EPS, "pooled");
        MetricValue macro = t.overall(Averaging.MACRO).metric("rate");
        assertEquals((0.75 + 0 + 1) / 3, macro.value(), EPS);
        assertFalse(macro.undefined().isEmpty(), "a macro corpus row says why it has no interval");
        assertEquals(summary(true).subjects().get(0).metric("rate"), s1, "seeded: the same interval again");
    }
}
