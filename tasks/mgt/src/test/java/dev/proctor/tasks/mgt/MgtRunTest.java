package dev.proctor.tasks.mgt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.core.aggregate.ScoreRow;
import dev.proctor.core.evaluate.Evaluation;
import dev.proctor.tasks.mgt.data.BundledMgt;
import dev.proctor.tasks.mgt.data.MgtRow;
import dev.proctor.tasks.mgt.data.SemEvalFiles;
import dev.proctor.tasks.mgt.data.Subtask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MGT tasks on the bundled suite with the embedded models, end to end through the one evaluator: thresholds and
 * probes fitted on dev and train only, the test items alone reported, the figures written, and scores that do not
 * move with the batch size.
 */
class MgtRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    @Test
    void logLikelihoodDetectorOnBundledEnglish() throws Exception {
        Evaluation e = MgtRuns.run("mgt:bundled-en", "embedded:tiny-gpt", Map.of(), 8192, out.resolve("ll"));
        ScoreRow row = e.report().summary().task("mgt").subjects().get(0);
        report("mgt:bundled-en log-likelihood", row);
        assertEquals(200, row.n());
        JsonNode results = JSON.readTree(e.directory().resolve("results.json").toFile());
        JsonNode fit = results.at("/tasks/0/settings/fits/bundled-en");
        assertEquals("dev", fit.get("chosenOn").asText(), fit::toString);
        assertEquals(100, fit.get("fitItems").asInt());
        assertTrue(Double.isFinite(fit.get("threshold").asDouble()));
        List<String> ids = sampleIds(e.directory());
        assertEquals(200, ids.size());
        assertTrue(ids.stream().allMatch(id -> id.startsWith("mgt/bundled-en/test/")), "only test items are reported");
        JsonNode figures = results.at("/results/subjects/0/figures");
        long total = 0;
        for (JsonNode r : figures.at("/confusionMatrix/counts")) {
            for (JsonNode c : r) {
                total += c.asLong();
            }
        }
        assertEquals(200, total);
        JsonNode fpr = figures.at("/roc/fpr");
        assertEquals(0.0, fpr.get(0).asDouble());
        assertEquals(1.0, fpr.get(fpr.size() - 1).asDouble());
        // the zero-shot likelihood of the generator itself separates its samples from the Bible's prose
        assertTrue(row.metric("auroc").value() > 0.9, "AUROC " + row.metric("auroc").value());
        assertTrue(row.metric("acc").value() > 0.8, "accuracy " + row.metric("acc").value());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "bundled-en, log-rank, embedded:tiny-gpt",
            "bundled-en, entropy, embedded:tiny-gpt",
            "bundled-en, binoculars, binoculars:embedded:tiny-gpt+embedded:tiny-gpt-seed2",
            "bundled-en, binoculars-aligned, binoculars:embedded:tiny-gpt+embedded:tiny-gpt-seed2",
            "bundled-zh, log-likelihood, embedded:tiny-gpt",
            "bundled-zh, binoculars, binoculars:embedded:tiny-gpt+embedded:tiny-gpt-seed2"})
    void everyZeroShotDetectorRuns(String dataset, String detector, String model) {
        Evaluation e = MgtRuns.run("mgt:" + dataset, model, Map.of("detector", detector), 8192,
                out.resolve(dataset + "-" + detector));
        ScoreRow row = e.report().summary().task("mgt").subjects().get(0);
        report("mgt:" + dataset + " " + detector, row);
        assertEquals(200, row.n());
        assertTrue(Double.isFinite(row.metric("auroc").value()));
    }

    @Test
    void probeOnEncoderEmbeddings() throws Exception {
        Evaluation e = MgtRuns.run("mgt:bundled-en", "embedded:minilm", Map.of("detector", "probe"), 8192,
                out.resolve("probe"));
        ScoreRow row = e.report().summary().task("mgt").subjects().get(0);
        report("mgt:bundled-en probe", row);
        JsonNode fit = JSON.readTree(e.directory().resolve("results.json").toFile())
                .at("/tasks/0/settings/fits/bundled-en");
        assertEquals(300, fit.get("trainItems").asInt());
        assertEquals(100, fit.get("devItems").asInt());
        assertEquals(5, fit.get("devAccuracyByC").size());
        assertTrue(row.metric("acc").value() > 0.8, "accuracy " + row.metric("acc").value());
    }

    @Test
    void multiwayProbeAndBoundary() {
        Evaluation b = MgtRuns.run("mgt-multiway:bundled-en", "embedded:minilm", Map.of(), 8192,
                out.resolve("multiway"));
        ScoreRow rb = b.report().summary().task("mgt-multiway").subjects().get(0);
        report("mgt-multiway:bundled-en probe", rb);
        // chance is 1/6; the five generators are close kin (two are checkpoints of one run), the human texts not
        assertTrue(rb.metric("acc").value() > 0.4, "accuracy " + rb.metric("acc").value());
        Evaluation c = MgtRuns.run("mgt-boundary:bundled-en", "embedded:tiny-gpt", Map.of(), 8192,
                out.resolve("boundary"));
        ScoreRow rc = c.report().summary().task("mgt-boundary").subjects().get(0);
        report("mgt-boundary:bundled-en", rc);
        assertEquals(100, rc.n());
        // the trivial boundary: the train split's median, for every text
        Path data = BundledMgt.root().resolve("bundled-en");
        List<Integer> train = SemEvalFiles.read(data.resolve("subtaskC_train.jsonl"), Subtask.C).stream()
                .map(MgtRow::label).sorted().toList();
        double median = (train.get((train.size() - 1) / 2) + train.get(train.size() / 2)) / 2.0;
        double baseline = SemEvalFiles.read(data.resolve("subtaskC_test.jsonl"), Subtask.C).stream()
                .mapToDouble(r -> Math.abs(r.label() - median)).average().orElseThrow();
        System.out.printf(Locale.ROOT, "mgt-boundary:bundled-en constant %.1f: mae=%.4f%n", median, baseline);
        assertTrue(rc.metric("mae").value() < baseline / 2, rc.metric("mae").value() + " vs " + baseline);
    }

    @Test
    void scoresDoNotMoveWithTheBatch() throws Exception {
        Evaluation one = MgtRuns.run("mgt:bundled-en", "embedded:tiny-gpt", Map.of(), 1, out.resolve("batch-1"));
        Evaluation many = MgtRuns.run("mgt:bundled-en", "embedded:tiny-gpt", Map.of(), 16384,
                out.resolve("batch-many"));
        assertTrue(many.report().outcome().stats().modelCalls() < one.report().outcome().stats().modelCalls());
        var a = one.report().outcome().scores();
        var b = many.report().outcome().scores();
        assertEquals(a.size(), b.size());
        double maxDiff = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).prediction(), b.get(i).prediction(), "item " + i);
            maxDiff = Math.max(maxDiff, Math.abs(a.get(i).value("score") - b.get(i).value("score")));
        }
        assertTrue(maxDiff <= 1e-5, "max |delta score| = " + maxDiff);
    }

    @Test
    void binocularsOnOneModelIsRefusedSayingWhatItNeeds() {
        ProctorException e = assertThrows(ProctorException.class, () -> MgtRuns.run("mgt:bundled-en",
                "embedded:tiny-gpt", Map.of("detector", "binoculars"), 8192, out.resolve("bino-one")));
        assertTrue(e.getMessage().contains("binoculars:OBSERVER+PERFORMER"), e.getMessage());
    }

    @Test
    void aBinocularsPairTakesTwoCausalLms() {
        ProctorException e = assertThrows(ProctorException.class, () -> MgtRuns.run("mgt:bundled-en",
                "binoculars:embedded:tiny-gpt+embedded:minilm", Map.of("detector", "binoculars"), 8192,
                out.resolve("bino-encoder")));
        assertTrue(e.getMessage().contains("embedded:minilm is a text encoder, not a local causal LM"), e.getMessage());
    }

    private static void report(String what, ScoreRow row) {
        StringBuilder sb = new StringBuilder(what).append(": n=").append(row.n());
        for (String m : List.of("acc", "macro_f1", "auroc", "tpr_at_1pct_fpr", "mae")) {
            if (row.metrics().containsKey(m)) {
                sb.append(String.format(Locale.ROOT, " %s=%.4f [%.4f, %.4f]", m, row.metric(m).value(),
                        row.metric(m).ciLow(), row.metric(m).ciHigh()));
            }
        }
        System.out.println(sb);
    }

    private static List<String> sampleIds(Path dir) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("samples.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            ids.add(n.get("task").asText() + "/" + n.get("id").asText());
        }
        return ids;
    }
}
