package dev.proctor.cli.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.cli.CliRuns;
import dev.proctor.datafiles.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code proctor score classification}, run through picocli as the {@code score} group will run it: scikit-learn's
 * numbers to the last bit, undefined AUROC with its reason, zero_division, strays, bad input, MAE.
 */
class ScoreClassificationCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** cls_auc_ties from ../shared/peers: sklearn 1.2.1's numbers for it are written below. */
    private static final int[] TIES_GOLD = {0, 0, 1, 1, 0, 1, 0, 1, 1, 0};
    private static final int[] TIES_PRED = {0, 0, 1, 1, 1, 1, 0, 0, 1, 1};
    private static final double[] TIES_SCORE = {0.2, 0.5, 0.5, 0.9, 0.5, 0.5, 0.2, 0.2, 0.9, 0.9};

    @TempDir
    Path dir;

    /** Exit code and what the command printed; a ProctorException is "error: ..." and exit 1, as Main maps it. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("score", "classification"));
        all.addAll(List.of(args));
        CliRuns.Result r = CliRuns.run(all);
        return new Run(r.exitCode(), r.out(), r.err());
    }

    private Path write(String name, List<String> lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private Path write(String name, String... lines) throws Exception {
        return write(name, List.of(lines));
    }

    private Path tiesGold() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < TIES_GOLD.length; i++) {
            lines.add("{\"id\":\"t" + i + "\",\"label\":" + TIES_GOLD[i] + "}");
        }
        return write("gold.jsonl", lines);
    }

    private Path tiesPred() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = TIES_PRED.length - 1; i >= 0; i--) {
            lines.add("{\"id\":\"t" + i + "\",\"label\":" + TIES_PRED[i] + ",\"score\":" + TIES_SCORE[i] + "}");
        }
        return write("pred.jsonl", lines);
    }

    @Test
    void scoresAsScikitLearnToTheLastBit() throws Exception {
        Path gold = tiesGold();
        Path pred = tiesPred();
        Run run = run("--gold", gold.toString(), "--pred", pred.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = run.json();
        assertEquals(10, r.get("n").asInt());
        assertEquals("[0,1]", r.get("labels").toString());
        assertEquals("0", r.get("zero_division").asText());
        assertEquals(0.7, r.get("accuracy").asDouble(), 0.0);
        assertEquals(0.6969696969696968, r.get("macro_f1").asDouble(), 0.0);
        assertEquals(0.7, r.get("micro_f1").asDouble(), 0.0);
        assertEquals(0.6969696969696969, r.get("weighted_f1").asDouble(), 0.0);
        assertEquals(0.408248290463863, r.get("mcc").asDouble(), 0.0);
        assertEquals(0.6400000000000001, r.get("auroc").asDouble(), 0.0, "ties counted half: U/(n1 n0) = 0.64");
        assertEquals(0.0, r.get("tpr_at_1pct_fpr").asDouble(), 0.0, "the top score 0.9 already has a negative");
        assertEquals(1, r.get("positive_label").asInt());
        assertEquals(0.6666666666666665, r.at("/per_class/0/f1").asDouble(), 0.0);
        assertEquals(0.8, r.at("/per_class/1/recall").asDouble(), 0.0);
        assertEquals(5, r.at("/per_class/1/support").asInt());
        assertEquals(0.7083333333333333, r.at("/averages/macro/precision").asDouble(), 0.0);
        assertEquals("[[3,2],[1,4]]", r.at("/confusion_matrix/rows_gold_cols_pred").toString());
        assertTrue(r.get("undefined") == null, "nothing undefined");
        assertEquals(Sha256.of(gold), r.at("/inputs/gold/sha256").asText());
        assertEquals(Sha256.of(pred), r.at("/inputs/pred/sha256").asText());
        assertEquals("score classification", r.get("command").asText());
        assertTrue(r.has("harness"));
    }

    @Test
    void stringLabelsSortAsSklearnSortsThemAndTheGreaterIsPositive() throws Exception {
        Path gold = write("g.jsonl", "{\"id\":1,\"label\":\"machine\"}", "{\"id\":2,\"label\":\"human\"}",
                "{\"id\":3,\"label\":\"Machine\"}");
        Path pred = write("p.jsonl", "{\"id\":1,\"label\":\"machine\"}", "{\"id\":2,\"label\":\"machine\"}",
                "{\"id\":3,\"label\":\"Machine\"}");
        JsonNode r = run("--gold", gold.toString(), "--pred", pred.toString(), "--json").json();
        assertEquals("[\"Machine\",\"human\",\"machine\"]", r.get("labels").toString(), "by code point");
        List<String> order = new ArrayList<>();
        r.get("per_class").fieldNames().forEachRemaining(order::add);
        assertEquals(List.of("Machine", "human", "machine"), order);
        assertTrue(r.get("auroc").isNull());
        assertEquals("the predictions carry no \"score\"", r.at("/undefined/auroc").asText());

        Path two = write("g2.jsonl", "{\"id\":1,\"label\":\"machine\"}", "{\"id\":2,\"label\":\"human\"}");
        Path scored = write("p2.jsonl", "{\"id\":1,\"label\":\"machine\",\"score\":0.3}",
                "{\"id\":2,\"label\":\"machine\",\"score\":0.6}");
        JsonNode s = run("--gold", two.toString(), "--pred", scored.toString(), "--json").json();
        assertEquals("machine", s.get("positive_label").asText());
        assertEquals(0.0, s.get("auroc").asDouble(), 0.0);
        JsonNode h = run("--gold", two.toString(), "--pred", scored.toString(), "--positive", "human", "--json").json();
        assertEquals(1.0, h.get("auroc").asDouble(), 0.0, "the scores read as human's");
    }

    @Test
    void aurocWithOneGoldClassIsNullWithTheReason() throws Exception {
        Path gold = write("g.jsonl", "{\"id\":\"a\",\"label\":0}", "{\"id\":\"b\",\"label\":0}");
        Path pred = write("p.jsonl", "{\"id\":\"a\",\"label\":1,\"score\":0.9}", "{\"id\":\"b\",\"label\":0,\"score\":0.1}");
        Run json = run("--gold", gold.toString(), "--pred", pred.toString(), "--json");
        JsonNode r = json.json();
        assertTrue(r.get("auroc").isNull() && r.get("tpr_at_1pct_fpr").isNull(), json.out());
        assertTrue(r.at("/undefined/auroc").asText().contains("Only one class present in y_true"), json.out());
        Run text = run("--gold", gold.toString(), "--pred", pred.toString());
        assertTrue(text.out().contains("AUROC undefined: gold has no item of the positive class 1"), text.out());
        assertTrue(text.out().contains("accuracy 0.5000"), text.out());
    }

    @Test
    void zeroDivisionIsAnExplicitOptionAndWarnActsAsZero() throws Exception {
        // class 1 is never predicted: its precision is 0/0
        Path gold = write("g.jsonl", "{\"id\":\"a\",\"label\":0}", "{\"id\":\"b\",\"label\":1}");
        Path pred = write("p.jsonl", "{\"id\":\"a\",\"label\":0}", "{\"id\":\"b\",\"label\":0}");
        for (String z : List.of("0", "1", "warn")) {
            JsonNode r = run("--gold", gold.toString(), "--pred", pred.toString(), "--zero-division", z, "--json")
                    .json();
            double replaced = z.equals("1") ? 1.0 : 0.0;
            assertEquals(z, r.get("zero_division").asText());
            assertEquals(replaced, r.at("/per_class/1/precision").asDouble(), 0.0, z);
            assertEquals(0.0, r.at("/per_class/1/f1").asDouble(), 0.0, z + ": recall is a real 0");
            assertEquals((0.5 + replaced) / 2, r.at("/averages/macro/precision").asDouble(), 0.0, z);
            assertEquals("[1]", r.at("/zero_division_applied/precision").toString());
        }
        JsonNode labels = run("--gold", gold.toString(), "--pred", pred.toString(), "--labels", "0,1,2",
                "--zero-division", "1", "--json").json();
        assertEquals("given (--labels)", labels.get("labels_source").asText());
        assertEquals(1.0, labels.at("/per_class/2/f1").asDouble(), 0.0, "absent from both: P and R are 0/0");
        Run bad = run("--gold", gold.toString(), "--pred", pred.toString(), "--zero-division", "nan");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("unknown zero_division value 'nan'") && bad.err().contains("0, 1, warn"),
                bad.err());
    }

    @Test
    void strayIdsAreRefusedByNameUnlessTheIntersectionIsAskedFor() throws Exception {
        Path gold = tiesGold();
        Path pred = write("p.jsonl", "{\"id\":\"t0\",\"label\":0}", "{\"id\":\"t3\",\"label\":1}",
                "{\"id\":\"zz\",\"label\":1}");
        Run refused = run("--gold", gold.toString(), "--pred", pred.toString());
        assertEquals(1, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("8 gold items have no prediction in " + pred
                + " (t1, t2, t4, t5, t6, t7, t8, t9)") && refused.err().contains("1 predictions have no gold item in "
                + gold + " (zz)") && refused.err().contains("--intersection"), refused.err());
        Run kept = run("--gold", gold.toString(), "--pred", pred.toString(), "--intersection", "--json");
        assertEquals(0, kept.exitCode(), kept.err());
        JsonNode r = kept.json();
        assertEquals(2, r.get("n").asInt());
        assertEquals(1.0, r.get("accuracy").asDouble(), 0.0);
        assertEquals(8, r.at("/leftOut/goldWithoutPrediction").asInt());
        assertEquals(1, r.at("/leftOut/predictionsWithoutGold").asInt());
    }

    @Test
    void badInputNamesFileLineAndWhatWasExpected() throws Exception {
        Path gold = tiesGold();
        expect(gold, write("p1.jsonl", "{\"id\":\"t0\",\"label\":0}", "not json"), ":2",
                "expected one JSON object per line, found malformed JSON");
        expect(gold, write("p2.jsonl", "{\"id\":\"t0\"}"), ":1", "expected a field \"label\", found keys [id]");
        expect(gold, write("p3.jsonl", "{\"id\":\"t0\",\"label\":0}", "{\"id\":\"t0\",\"label\":1}"), ":2",
                "id 't0' appears twice (first at line 1)");
        expect(gold, write("p4.jsonl", "{\"id\":\"t0\",\"label\":0,\"score\":1e999}"), ":1",
                "expected \"score\" to be a finite number, found one beyond a double's range");
        expect(gold, write("p5.jsonl", "{\"id\":\"t0\",\"label\":0,\"score\":0.2}", "{\"id\":\"t1\",\"label\":0}"),
                ":2", "this prediction has no \"score\" but the one at line 1 has one");
        expect(gold, write("p6.jsonl", "{\"id\":\"t0\",\"label\":\"0\"}"), ":1",
                "label \"0\" is a string but " + gold + ":1 has 0: labels must be all integers or all strings");
        Run labels = run("--gold", gold.toString(), "--pred", tiesPred().toString(), "--labels", "0,one");
        assertTrue(labels.err().contains("--labels: 'one' is not an integer, and the labels are integers"),
                labels.err());
        Run metric = run("--gold", gold.toString(), "--pred", tiesPred().toString(), "--metric", "rmse");
        assertTrue(metric.err().contains("unknown --metric 'rmse'") && metric.err().contains("classification, mae"),
                metric.err());
    }

    private void expect(Path gold, Path pred, String line, String problem) {
        Run run = run("--gold", gold.toString(), "--pred", pred.toString(), "--intersection");
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains("error: " + pred + line + ": " + problem), run.err());
    }

    @Test
    void meanAbsoluteErrorOfWordPositionsForSubtaskC() throws Exception {
        Path gold = write("g.jsonl", "{\"id\":7,\"label\":10}", "{\"id\":8,\"label\":0}", "{\"id\":9,\"label\":5}");
        Path pred = write("p.jsonl", "{\"id\":9,\"label\":1}", "{\"id\":7,\"label\":12}", "{\"id\":8,\"label\":0}");
        Run run = run("--gold", gold.toString(), "--pred", pred.toString(), "--metric", "mae", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = run.json();
        assertEquals(2.0, r.get("mae").asDouble(), 0.0, "(2 + 0 + 4) / 3");
        assertEquals("mae", r.get("metric").asText());
        assertEquals(3, r.get("n").asInt());
        Run text = run("--gold", gold.toString(), "--pred", pred.toString(), "--metric", "mae");
        assertTrue(text.out().contains("mean absolute error of word positions 2.00000 over 3 items"), text.out());
        Path words = write("w.jsonl", "{\"id\":7,\"label\":\"ten\"}");
        Run bad = run("--gold", gold.toString(), "--pred", words.toString(), "--metric", "mae", "--intersection");
        assertTrue(bad.err().contains(words + ":1: expected \"label\" to be an integer word position"), bad.err());
        Run mixed = run("--gold", gold.toString(), "--pred", pred.toString(), "--metric", "mae", "--positive", "1");
        assertTrue(mixed.err().contains("apply to --metric classification"), mixed.err());
    }
}
