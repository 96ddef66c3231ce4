package dev.proctor.retrieval.metrics;

import static dev.proctor.retrieval.metrics.Fixtures.docs;
import static dev.proctor.retrieval.metrics.Fixtures.judged;
import static dev.proctor.retrieval.metrics.Fixtures.qrels;
import static dev.proctor.retrieval.metrics.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.Run;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-made cases whose values follow from trec_eval 9.0.8's conventions, each computed by hand in a comment. */
class TrecEvalTest {
    static final MetricOptions K_1_2_3_10 = MetricOptions.of(List.of(1, 2, 3, 10));

    static Evaluation eval(Qrels q, Run r) {
        return TrecEval.evaluate(q, r, K_1_2_3_10);
    }

    @Test
    void exactTiesGoByDescendingDocno() {
        // All tie at 0.5: trec_eval ranks c, b, a; the one relevant doc a is 3rd, whatever the run's order.
        Evaluation e = eval(qrels("q", judged("a", 1)), run("q", docs("a", 0.5, "b", 0.5, "c", 0.5)));
        assertEquals(1.0 / 3, e.value("q", "recip_rank"));
        assertEquals(0.0, e.value("q", "P_2"));
        assertEquals(List.of("c", "b", "a"), TrecOrder.rank("q", docs("a", 0.5, "c", 0.5, "b", 0.5),
                ScorePrecision.FLOAT32));
    }

    @Test
    void scoresEqualOnlyAfterFloat32RoundingTie() {
        // 0.10000000000100001 > 0.1 as doubles but both round to the same float: a tie, so n (> m) ranks first.
        Map<String, Double> scores = docs("m", 0.10000000000100001, "n", 0.1);
        assertEquals((float) 0.10000000000100001, (float) 0.1);
        Qrels q = qrels("q", judged("m", 1));
        assertEquals(0.5, eval(q, run("q", scores)).value("q", "recip_rank"));
        // trec_eval 10.0 keeps doubles, BEIR and MTEB sort doubles: m first.
        MetricOptions doubles = K_1_2_3_10.withScorePrecision(ScorePrecision.DOUBLE);
        assertEquals(1.0, TrecEval.evaluate(q, run("q", scores), doubles).value("q", "recip_rank"));
        Evaluation beir = TrecEval.evaluate(q, run("q", scores), K_1_2_3_10.withMrr(MrrVariant.BEIR));
        assertEquals(1.0, beir.mrr(MrrVariant.BEIR).mean().get("MRR@1"));
    }

    @Test
    void scoresThatDifferInFloat32DoNotTie() {
        // Adjacent floats stay distinct after rounding, so the score decides, not the docno.
        float low = 0.1f;
        float high = Math.nextUp(low);
        Evaluation e = eval(qrels("q", judged("a", 1)), run("q", docs("a", (double) high, "z", (double) low)));
        assertEquals(1.0, e.value("q", "recip_rank"));
    }

    @Test
    void negativeZeroTiesWithZeroAsInC() {
        // C's < and > see -0.0 == 0.0 (Float.compare would not): a tie, broken by docno, so z before a.
        Evaluation e = eval(qrels("q", judged("a", 1)), run("q", docs("a", 0.0, "z", -0.0)));
        assertEquals(0.5, e.value("q", "recip_rank"));
    }

    @Test
    void docnoTiesUseUtf8ByteOrderNotUtf16() {
        // U+1F600 encodes as F0.., U+FF21 as EF..: strcmp puts the emoji higher; String.compareTo says the opposite.
        String emoji = "\uD83D\uDE00";
        String fullwidthA = "\uFF21";
        assertTrue(emoji.compareTo(fullwidthA) < 0);
        assertTrue(Docnos.strcmp(emoji, fullwidthA) > 0);
        assertEquals(List.of(emoji, fullwidthA), TrecOrder.rank("q", docs(fullwidthA, 1.0, emoji, 1.0),
                ScorePrecision.FLOAT32));
        assertTrue(Docnos.strcmp("ab", "a") > 0 && Docnos.strcmp("B", "a") < 0 && Docnos.strcmp("x", "x") == 0);
    }

    @Test
    void precisionDividesByKEvenWhenFewerDocsAreRetrieved() {
        // 2 docs retrieved, 1 relevant at rank 1: P@10 = 1/10, not 1/2.
        Evaluation e = eval(qrels("q", judged("a", 1)), run("q", docs("a", 0.9, "b", 0.8)));
        assertEquals(1.0, e.value("q", "P_1"));
        assertEquals(0.5, e.value("q", "P_2"));
        assertEquals(0.1, e.value("q", "P_10"));
        assertEquals(1.0, e.value("q", "success_10"));
    }

    @Test
    void rIsNotCappedByK() {
        // 20 relevant judged, 3 retrieved, all relevant: recall@3 = 3/20 and MAP@3 = (1+1+1)/20, but nDCG@3 = 1
        // since the ideal list is cut at 3 too.
        Map<String, Integer> judgments = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            judgments.put("d" + i, 1);
        }
        Evaluation e = eval(qrels("q", judgments), run("q", docs("d0", 3.0, "d1", 2.0, "d2", 1.0)));
        assertEquals(3.0 / 20, e.value("q", "recall_3"));
        assertEquals(3.0 / 20, e.value("q", "map_cut_3"));
        assertEquals(1.0, e.value("q", "ndcg_cut_3"));
        assertEquals(3.0 / 20, e.value("q", "recall_10"));
    }

    @Test
    void negativeQrelsAreJudgedButNeverRelevant() {
        // a (-1) at rank 1 adds no gain and is not in R; b (1) at rank 2: recip_rank 1/2, recall@2 = 1/1,
        // nDCG@2 = (1/log2 3) / 1.
        Evaluation e = eval(qrels("q", judged("a", -1, "b", 1)), run("q", docs("a", 0.9, "b", 0.8)));
        assertEquals(0.5, e.value("q", "recip_rank"));
        assertEquals(0.0, e.value("q", "recall_1"));
        assertEquals(1.0, e.value("q", "recall_2"));
        assertEquals(1 / Log2.of(3), e.value("q", "ndcg_cut_2"));
        assertEquals(0.5, e.value("q", "map_cut_10"));
    }

    @Test
    void onlyNegativeJudgmentsScoreZeroWithANote() {
        Evaluation e = eval(qrels("q", judged("a", -1)), run("q", docs("a", 1.0)));
        assertEquals(0.0, e.value("q", "ndcg_cut_10"));
        assertEquals(0.0, e.value("q", "recall_10"));
        assertTrue(e.notes().stream().anyMatch(n -> n.contains("all negative") && n.contains("[q]")), e.notes()
                .toString());
    }

    @Test
    void gainIsLinearAndIdealIncludesUnretrievedJudgedDocs() {
        // b (1) retrieved first, a (3) never: DCG@2 = 1; ideal@2 = 3 + 1/log2 3 (2^rel-1 would give 7 + 1/log2 3).
        Evaluation e = eval(qrels("q", judged("a", 3, "b", 1, "c", 0)), run("q", docs("b", 0.9, "x", 0.8)));
        assertEquals(1.0 / (3 + 1 / Log2.of(3)), e.value("q", "ndcg_cut_2"), 0);
        assertEquals(1.0 / 3, e.value("q", "ndcg_cut_1"), 0);
    }

    @Test
    void relevanceLevelMovesRButNotGain() {
        // Level 2: b (1) is not relevant for recall and P, yet still adds gain to nDCG.
        Qrels q = qrels("q", judged("a", 2, "b", 1));
        MetricOptions level2 = K_1_2_3_10.withRelevanceLevel(2);
        Evaluation e = TrecEval.evaluate(q, run("q", docs("b", 0.9, "a", 0.8)), level2);
        assertEquals(0.0, e.value("q", "P_1"));
        assertEquals(1.0, e.value("q", "recall_2"));
        assertEquals(0.5, e.value("q", "recip_rank"));
        assertEquals((1 + 2 / Log2.of(3)) / (2 + 1 / Log2.of(3)), e.value("q", "ndcg_cut_2"), 0);
    }

    @Test
    void emptyRunEntryIsEvaluatedAsZerosAndCounts() {
        // pytrec_eval scores a query whose run entry is {}: zeros, and it counts in the mean (1 + 0) / 2.
        Run r = new Run(Map.of("q1", docs("a", 1.0), "q2", Map.of()));
        Qrels q = new Qrels(Map.of("q1", judged("a", 1), "q2", judged("b", 1)));
        Evaluation e = eval(q, r);
        assertEquals(2, e.numQueries());
        assertEquals(0.0, e.value("q2", "ndcg_cut_10"));
        assertEquals(0.5, e.mean("ndcg_cut_10"));
        assertEquals(0.5, e.mean("recip_rank"));
    }

    @Test
    void onlyQueriesInBothCountAndTheRestIsNoted() {
        Run r = new Run(Map.of("q1", docs("a", 1.0), "q3", docs("a", 1.0), "q4", docs("z", 1.0)));
        Qrels q = new Qrels(Map.of("q1", judged("a", 1), "q2", judged("b", 1), "q4", Map.of()));
        Evaluation e = eval(q, r);
        assertEquals(List.of("q1"), List.copyOf(e.perQuery().keySet()));
        assertEquals(1.0, e.mean("recip_rank"));
        String notes = String.join("\n", e.notes());
        assertTrue(notes.contains("no judgments dropped") && notes.contains("q4"), notes);
        assertTrue(notes.contains("run queries without judgments, not evaluated: [q3, q4]"), notes);
        assertTrue(notes.contains("qrels queries missing from the run, not evaluated: [q2]"), notes);
    }

    @Test
    void allQrelsAveragingCountsMissingQueriesAsZero() {
        // trec_eval -c: q2 (judged, not in the run) adds 0 and 1 to the denominator.
        Run r = new Run(Map.of("q1", docs("a", 1.0)));
        Qrels q = new Qrels(Map.of("q1", judged("a", 1), "q2", judged("b", 1)));
        Evaluation e = TrecEval.evaluate(q, r, K_1_2_3_10.withAveraging(Averaging.ALL_QRELS_QUERIES));
        assertEquals(2, e.numQueries());
        assertEquals(0.5, e.mean("ndcg_cut_10"));
        assertEquals(1.0, eval(q, r).mean("ndcg_cut_10"));
    }

    @Test
    void beirAndMtebMrrDifferInTiesAndQueries() {
        // Ties: BEIR/MTEB keep insertion order (a first), trec_eval goes by docno (b first).
        Map<String, Double> tied = docs("a", 0.5, "b", 0.5);
        Run r = new Run(Map.of("q1", tied, "extra", docs("a", 1.0)));
        Qrels q = new Qrels(Map.of("q1", judged("a", 1), "q2", judged("a", 1)));
        Evaluation e = TrecEval.evaluate(q, r, K_1_2_3_10.withMrr(MrrVariant.values()));
        // BEIR: over the qrels queries q1 (1) and q2 (missing: 0) -> 1/2.
        assertEquals(0.5, e.mrr(MrrVariant.BEIR).mean().get("MRR@1"));
        assertEquals(List.of("q2"), e.mrr(MrrVariant.BEIR).excluded());
        // MTEB: over the run queries in the qrels (q1 only) -> 1.
        assertEquals(1.0, e.mrr(MrrVariant.MTEB).mean().get("MRR@1"));
        assertEquals(List.of("extra"), e.mrr(MrrVariant.MTEB).excluded());
        // trec order: b ranks first -> MRR@1 0, MRR@2 1/2, like recip_rank.
        assertEquals(0.0, e.mrr(MrrVariant.TREC_ORDER).mean().get("MRR@1"));
        assertEquals(0.5, e.mrr(MrrVariant.TREC_ORDER).mean().get("MRR@2"));
        assertEquals(e.mean("recip_rank"), e.mrr(MrrVariant.TREC_ORDER).mean().get("MRR@10"));
    }

    @Test
    void ignoreIdenticalIdsDropsTheQueryItself() {
        // BEIR's default: run[q][q] removed before anything is scored, so a moves to rank 1.
        Run r = run("q", docs("q", 2.0, "a", 1.0));
        Qrels qr = qrels("q", judged("a", 1));
        assertEquals(0.5, eval(qr, r).value("q", "recip_rank"));
        Evaluation e = TrecEval.evaluate(qr, r, MetricOptions.beir(List.of(1)));
        assertEquals(1.0, e.value("q", "recip_rank"));
        assertEquals(1.0, e.mrr(MrrVariant.BEIR).mean().get("MRR@1"));
        assertTrue(e.notes().stream().anyMatch(n -> n.startsWith("ignore_identical_ids")), e.notes().toString());
    }

    @Test
    void meansRoundLikePythonRound() {
        // Python: round(0.125, 2) == 0.12 and round(0.375, 2) == 0.38 (exact halves go to even);
        // round(0.3127089967138808, 5) == 0.31271.
        MetricOptions two = K_1_2_3_10.withMeanDecimals(2);
        assertEquals(0.12, TrecEval.round(0.125, two));
        assertEquals(0.38, TrecEval.round(0.375, two));
        assertEquals(0.31271, TrecEval.round(0.3127089967138808, K_1_2_3_10.withMeanDecimals(5)));
        assertEquals(0.125, TrecEval.round(0.125, K_1_2_3_10));
    }

    @Test
    void log2IsCorrectlyRoundedAsCReturnsIt() {
        // glibc: log2(3) == 1.584962500721156; ln(3)/ln(2) in doubles gives 1.5849625007211563.
        assertEquals(1.584962500721156, Log2.of(3));
        assertNotEquals(Math.log(3) / Math.log(2), Log2.of(3));
        assertEquals(3.0, Log2.of(8));
        assertEquals(9.965784284662087, Log2.of(1000));
    }

    @Test
    void misuseFailsWithAMessage() {
        Qrels q = qrels("q", judged("a", 1));
        assertThrows(ProctorException.class, () -> MetricOptions.of(List.of(0, 10)));
        assertThrows(ProctorException.class, () -> K_1_2_3_10.withRelevanceLevel(-1));
        ProctorException nan = assertThrows(ProctorException.class, () -> eval(q, run("q", docs("a", Double.NaN))));
        assertTrue(nan.getMessage().contains("'a'"), nan.getMessage());
        ProctorException disjoint = assertThrows(ProctorException.class, () -> eval(q, run("other", docs("a", 1))));
        assertTrue(disjoint.getMessage().contains("no query of the run"), disjoint.getMessage());
        assertThrows(ProctorException.class, () -> eval(new Qrels(Map.of("q", Map.of())), run("q", docs("a", 1))));
        assertThrows(ProctorException.class, () -> eval(q, run("q", docs("a", 1))).mean("ndcg_cut_7"));
        assertEquals(List.of(1, 5, 10), MetricOptions.of(List.of(10, 1, 5, 10)).cutoffs());
    }
}
