package dev.proctor.retrieval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.Run;
import dev.proctor.retrieval.io.QrelsFiles;
import dev.proctor.retrieval.io.TrecRunFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public retrieval case in ../shared/peers reproduced: pytrec_eval per query and mean, BEIR (unrounded and
 * rounded to 5), MTEB, MRR in trec order, and the trec_eval binaries (9.0.8 stock to its 4 printed decimals;
 * full-precision 9.0.8 and 10.0, with and without -c, to 1e-12) through a run file written and read back.
 */
class PeerCasesTest {
    static final double EXACT = 1e-12;
    /** The stock binary prints %6.4f, so its values are within half a unit of the 4th decimal. */
    static final double FOUR_DECIMALS = 5e-5 + 1e-15;
    /** The output keys this test checks; a case with any other key fails until the test learns it. */
    static final Set<String> KNOWN = Set.of("peer", "versions", "params", "notes", "pytrec_eval", "beir_unrounded",
            "beir_rounded_5", "beir_mrr_missing_in_run", "mteb_unrounded", "mteb_mrr_per_query",
            "mteb_mrr_skipped_not_in_qrels", "mrr_trec_order", "trec_eval_bin", "independent_check");
    static final Map<String, Double> MAX_DIFF = new TreeMap<>();
    static final String ABSENT = "no ret_*.input.json in " + PeerCase.peersDir().toAbsolutePath()
            + ": the shared folder is absent (set -Dproctor.shared to it)";

    @TempDir
    static Path tmp;

    /** Surefire counts an aborted factory as nothing; this test makes the skip and its reason visible. */
    @Test
    void publicCasesArePresent() {
        assumeFalse(PeerCase.inputs().isEmpty(), ABSENT);
        assertTrue(PeerCase.inputs().size() >= 2, "expected ret_edge and ret_ties at least");
    }

    @TestFactory
    Stream<DynamicNode> everyPublicCase() {
        List<Path> inputs = PeerCase.inputs();
        assumeFalse(inputs.isEmpty(), ABSENT);
        return inputs.stream().map(PeerCase::read).map(c -> DynamicContainer.dynamicContainer(c.name(), Stream.of(
                DynamicTest.dynamicTest("every output key is checked", () -> knownKeys(c)),
                DynamicTest.dynamicTest("pytrec_eval", () -> pytrecEval(c)),
                DynamicTest.dynamicTest("notes", () -> notes(c)),
                DynamicTest.dynamicTest("beir", () -> beir(c)),
                DynamicTest.dynamicTest("mteb", () -> mteb(c)),
                DynamicTest.dynamicTest("mrr_trec_order", () -> mrrTrecOrder(c)),
                DynamicTest.dynamicTest("trec_eval_bin", () -> trecEvalBinaries(c)))));
    }

    @AfterAll
    static void printMaxDifferences() {
        MAX_DIFF.forEach((k, v) -> System.out.println("peer case max |difference| " + k + ": " + v));
    }

    static void knownKeys(PeerCase c) {
        List<String> unknown = new ArrayList<>();
        c.output().fieldNames().forEachRemaining(k -> {
            if (!KNOWN.contains(k)) {
                unknown.add(k);
            }
        });
        assertTrue(unknown.isEmpty(), c.name() + " has output keys this test does not check: " + unknown);
    }

    static void pytrecEval(PeerCase c) {
        JsonNode expected = c.output().get("pytrec_eval");
        Evaluation e = TrecEval.evaluate(c.qrels(), c.run(), c.options());
        rows(c, "pytrec_eval.per_query", expected.get("per_query"), e.perQuery(), EXACT);
        values(c, "pytrec_eval.mean", expected.get("mean_over_evaluated_queries"), e.mean(), EXACT);
        assertEquals(expected.get("n_evaluated_queries").intValue(), e.numQueries(), c.name() + " query count");
    }

    /** The peer's notes name the qrels queries it dropped; ours must drop and name the same ones. */
    static void notes(PeerCase c) {
        Evaluation e = TrecEval.evaluate(c.qrels(), c.run(), c.options());
        Pattern quoted = Pattern.compile("'([^']*)'");
        for (JsonNode note : c.output().get("notes")) {
            assertTrue(note.textValue().startsWith("qrels queries with no judgments dropped"),
                    "unknown kind of peer note: " + note);
            String ours = e.notes().stream().filter(n -> n.startsWith("qrels queries with no judgments dropped"))
                    .findFirst().orElseThrow(() -> new AssertionError("no note on dropped queries: " + e.notes()));
            Matcher m = quoted.matcher(note.textValue());
            while (m.find()) {
                assertTrue(ours.contains(m.group(1)), ours + " does not name " + m.group(1));
                assertFalse(e.perQuery().containsKey(m.group(1)), m.group(1) + " should not be evaluated");
            }
        }
        if (c.output().get("notes").isEmpty()) {
            assertTrue(e.notes().stream().noneMatch(n -> n.startsWith("qrels queries with no judgments")), e.notes()
                    .toString());
        }
    }

    static void beir(PeerCase c) {
        MetricOptions o = c.options().withMrr(MrrVariant.BEIR);
        Evaluation unrounded = TrecEval.evaluate(c.qrels(), c.run(), o);
        values(c, "beir_unrounded", c.output().get("beir_unrounded"), PeerNames.beir(unrounded), EXACT);
        Evaluation rounded = TrecEval.evaluate(c.qrels(), c.run(), o.withMeanDecimals(5));
        values(c, "beir_rounded_5", c.output().get("beir_rounded_5"), PeerNames.beir(rounded), 0);
        assertEquals(PeerCase.strings(c.output().get("beir_mrr_missing_in_run")),
                unrounded.mrr(MrrVariant.BEIR).excluded(), c.name() + " BEIR MRR queries missing in the run");
    }

    static void mteb(PeerCase c) {
        Evaluation e = TrecEval.evaluate(c.qrels(), c.run(), c.options().withMrr(MrrVariant.MTEB));
        values(c, "mteb_unrounded", c.output().get("mteb_unrounded"), PeerNames.mteb(e), EXACT);
        rows(c, "mteb_mrr_per_query", c.output().get("mteb_mrr_per_query"), e.mrr(MrrVariant.MTEB).perQuery(), EXACT);
        assertEquals(PeerCase.strings(c.output().get("mteb_mrr_skipped_not_in_qrels")),
                e.mrr(MrrVariant.MTEB).excluded(), c.name() + " MTEB MRR run queries not in the qrels");
    }

    static void mrrTrecOrder(PeerCase c) {
        JsonNode expected = c.output().get("mrr_trec_order");
        MrrScores s = TrecEval.evaluate(c.qrels(), c.run(), c.options().withMrr(MrrVariant.TREC_ORDER))
                .mrr(MrrVariant.TREC_ORDER);
        rows(c, "mrr_trec_order.per_query", expected.get("per_query"), s.perQuery(), EXACT);
        values(c, "mrr_trec_order.mean", expected.get("mean_over_evaluated_queries"), s.mean(), EXACT);
    }

    /**
     * The binaries read files, which cannot hold a query with no documents or no judgments: so the run and qrels
     * go through Proctor's TREC writers and readers first, exactly as a user would score them.
     */
    static void trecEvalBinaries(PeerCase c) {
        Path runFile = tmp.resolve(c.name() + ".run");
        Path qrelsFile = tmp.resolve(c.name() + ".qrels");
        TrecRunFile.write(c.run(), runFile, "peer");
        QrelsFiles.writeTrec(c.qrels(), qrelsFile);
        Run run = TrecRunFile.read(runFile);
        Qrels qrels = QrelsFiles.readTrec(qrelsFile);
        Iterator<Map.Entry<String, JsonNode>> binaries = c.output().get("trec_eval_bin").fields();
        int checked = 0;
        while (binaries.hasNext()) {
            Map.Entry<String, JsonNode> b = binaries.next();
            String key = b.getKey();
            Matcher m = Pattern.compile("(9\\.0\\.8|10\\.0)(-fullprec)?( -c)?").matcher(key);
            assertTrue(m.matches(), "unknown trec_eval binary " + key);
            MetricOptions o = c.options()
                    .withScorePrecision(m.group(1).equals("10.0") ? ScorePrecision.DOUBLE : ScorePrecision.FLOAT32)
                    .withAveraging(m.group(3) != null ? Averaging.ALL_QRELS_QUERIES : Averaging.EVALUATED_QUERIES);
            double tolerance = m.group(2) != null ? EXACT : FOUR_DECIMALS;
            Evaluation e = TrecEval.evaluate(qrels, run, o);
            String where = "trec_eval_bin." + key;
            if (b.getValue().has("per_query")) {
                rows(c, where + ".per_query", b.getValue().get("per_query"), e.perQuery(), tolerance);
            }
            JsonNode all = b.getValue().get("all").deepCopy();
            assertEquals(all.get("num_q").doubleValue(), e.numQueries(), where + " num_q");
            ((com.fasterxml.jackson.databind.node.ObjectNode) all).remove("num_q");
            values(c, where + ".all", all, e.mean(), tolerance);
            checked++;
        }
        assertTrue(checked > 0, "no trec_eval binary output in " + c.name());
    }

    static void rows(PeerCase c, String where, JsonNode expected, Map<String, Map<String, Double>> actual,
                     double tolerance) {
        Set<String> expectedQueries = new TreeSet<>();
        expected.fieldNames().forEachRemaining(expectedQueries::add);
        assertEquals(expectedQueries, new TreeSet<>(actual.keySet()), c.name() + " " + where + " queries");
        expected.fields().forEachRemaining(q -> values(c, where + "." + q.getKey(), q.getValue(),
                actual.get(q.getKey()), tolerance));
    }

    static void values(PeerCase c, String where, JsonNode expected, Map<String, Double> actual, double tolerance) {
        Set<String> expectedNames = new TreeSet<>();
        expected.fieldNames().forEachRemaining(expectedNames::add);
        assertEquals(expectedNames, new TreeSet<>(actual.keySet()), c.name() + " " + where + " measures");
        expected.fields().forEachRemaining(m -> {
            double want = PeerCase.number(m.getValue());
            double got = actual.get(m.getKey());
            double diff = Math.abs(want - got);
            if (tolerance <= EXACT) {
                MAX_DIFF.merge(c.name(), diff, Math::max);
            }
            assertTrue(diff <= tolerance || want == got, c.name() + " " + where + "." + m.getKey() + ": expected "
                    + want + ", got " + got + " (|diff| " + diff + " > " + tolerance + ")");
        });
    }
}
