package dev.proctor.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.request.RequestKind;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.report.RunReport;
import dev.proctor.core.schedule.ProgressListener;
import dev.proctor.core.select.DataSources;
import dev.proctor.core.testkit.FakeModel;
import dev.proctor.core.testkit.Fixtures;
import dev.proctor.core.testkit.LineTask;
import dev.proctor.core.testkit.Runs;
import dev.proctor.datasets.DatasetCache;
import dev.proctor.datasets.DatasetLock;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.RunDirectory;
import dev.proctor.stats.snr.FilterResult;
import dev.proctor.stats.snr.FilterStep;
import dev.proctor.stats.snr.SnrResult;
import dev.proctor.stats.snr.TaskListFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path, through the report files, on a fake task and a fake model. */
class EvaluatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path data;
    private final LineTask task = new LineTask("lines", RequestKind.LOGLIKELIHOOD, Fixtures.ALGEBRA, Fixtures.HISTORY,
            Fixtures.MUSIC);

    /** {@code fake}: a fake model serving every kind. */
    static final class FakeProvider implements ModelProvider {
        @Override
        public String scheme() {
            return "fake";
        }

        @Override
        public String description() {
            return "fake";
        }

        @Override
        public Model load(ModelSpec spec, ModelOpener opener) {
            return FakeModel.all();
        }
    }

    @BeforeEach
    void data() throws Exception {
        data = Fixtures.writeLines(dir.resolve("data"), 4);
    }

    private Evaluation evaluate(DataSources sources, Path out) {
        Evaluator evaluator = new Evaluator(TaskRegistry.of(List.of(task)), ModelRegistry.of(List.of(new FakeProvider())),
                sources);
        return evaluator.evaluate(Fixtures.config(List.of("lines"), 200), ModelSpec.parse("fake", "cpu", Map.of()),
                RunOutput.at(out), ProgressListener.NONE);
    }

    @Test
    void resultsJsonHasOneLayoutWithTheMainMetricAndEveryValuesUncertainty() throws Exception {
        Path out = dir.resolve("out");
        evaluate(Runs.unlocked(data), out);
        JsonNode root = JSON.readTree(out.resolve(RunReport.RESULTS).toFile());
        assertEquals("proctor-results/2", root.get("schema").asText());
        assertEquals("hit", root.at("/tasks/0/mainMetric").asText());
        assertEquals(List.of("hit", "value"), JSON.convertValue(root.at("/tasks/0/metrics").findValuesAsText("name"),
                List.class));
        JsonNode algebra = root.at("/results/subjects/0");
        assertEquals("algebra", algebra.get("subject").asText());
        assertEquals(4, algebra.get("n").asInt());
        JsonNode hit = algebra.at("/metrics/hit");
        assertTrue(hit.get("value").isNumber() && hit.get("stderr").isNumber() && hit.get("ci").size() == 2, hit.toString());
        JsonNode overall = root.at("/results/groups").findParents("group").stream()
                .filter(g -> g.get("group").asText().equals("overall") && g.get("averaging").asText().equals("micro"))
                .findFirst().orElseThrow();
        assertEquals(12, overall.get("n").asInt());
        assertEquals("unlocked", root.at("/provenance/dataChecks/0/status").asText());
        assertEquals("fake", root.at("/provenance/model/kind").asText());
        assertEquals(200, root.at("/provenance/config/bootstrap/resamples").asInt());
    }

    @Test
    void samplesShowWhatTheModelSawAndSaid() throws Exception {
        Path out = dir.resolve("out");
        evaluate(Runs.unlocked(data), out);
        List<String> lines = Files.readAllLines(out.resolve(RunReport.SAMPLES));
        assertEquals(12, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("algebra line 0 |yes".split("\\|")[0], first.get("prompt").asText());
        JsonNode request = first.at("/requests/0");
        assertEquals("loglikelihood", request.get("kind").asText());
        assertEquals(" yes", request.get("continuation").asText());
        assertFalse(request.has("context"), "the context is the prompt, written once");
        assertTrue(first.at("/responses/0/logLikelihood").isNumber());
        assertEquals("yes", first.get("gold").asText());
        assertTrue(first.at("/metrics/hit").isNumber());
        assertTrue(first.get("source").asText().endsWith("algebra.txt:1"), first.get("source").asText());
        assertTrue(Files.readString(out.resolve(RunReport.SUMMARY_CSV)).startsWith(
                "task,level,name,averaging,subjects,n,metric,main,value,stderr,stderr_binomial,ci_low,ci_high"));
    }

    /** The statistics commands read run directories with their own reader: it must read what the writer wrote. */
    @Test
    void theStatisticsReaderReadsWhatTheEvaluatorWrites() {
        Path out = dir.resolve("out");
        Evaluation e = evaluate(Runs.unlocked(data), out);
        RunData run = RunDirectory.read(out);
        assertEquals(12, run.items().size());
        assertEquals("lines/algebra/0", run.items().get(0).key());
        for (int i = 0; i < 12; i++) {
            assertEquals(e.report().outcome().scores().get(i).value("hit"), ItemMetric.parse("hit")
                    .value(run.items().get(i)), 0.0);
        }
        assertEquals(List.of("STEM"), run.subjects().get(0).categories());
        assertEquals(e.report().summary().subjectRows().get(1).metric("value").value(),
                run.subjects().get(1).value("value"), 0.0);
        assertEquals("fake", run.modelName());
    }

    /** {@code snr --write-tasks} writes a task list; {@code run --tasks @file} must read it back. */
    @Test
    void aTaskListWrittenBySubtaskFilteringIsReadBack() throws Exception {
        Path file = dir.resolve("kept.txt");
        FilterResult kept = new FilterResult("lines", List.of(step("lines:history", 1), step("lines:algebra", 2),
                step("lines:music", 3)), 2);
        TaskListFile.write(file, List.of(kept), "made by a test");
        assertEquals(List.of("lines:history", "lines:algebra"),
                dev.proctor.core.select.TaskSelection.expand(List.of("@" + file)));
    }

    private static FilterStep step(String added, int k) {
        SnrResult snr = new SnrResult(added, 3, 3, 0.5, 0.1, 0.2, 0.5, 0.01, 0.02, 10.0 / k,
                java.util.Optional.empty());
        return new FilterStep(k, added, snr, snr);
    }

    @Test
    void theSameCommandResumesInTheSameDirectoryComputingNothing() throws Exception {
        Path out = dir.resolve("out");
        evaluate(Runs.unlocked(data), out);
        String first = JSON.readTree(out.resolve(RunReport.RESULTS).toFile()).at("/results").toString();
        Evaluation again = evaluate(Runs.unlocked(data), out);
        assertEquals(0, again.report().outcome().stats().computedResponses());
        assertEquals(12, again.report().outcome().stats().reusedItems());
        assertEquals(first, JSON.readTree(out.resolve(RunReport.RESULTS).toFile()).at("/results").toString(),
                "the same numbers, intervals included");
    }

    @Test
    void dataNobodyLockedIsRefusedBeforeAnythingRunsNamingTheLockCommand() {
        DataSources given = new DataSources(Map.of("lines", data), Set.of(), DatasetLock.empty(),
                new DatasetCache(dir.resolve("cache")), true, l -> { });
        ProctorException e = assertThrows(ProctorException.class, () -> evaluate(given, dir.resolve("out")));
        assertTrue(e.getMessage().contains("dataset 'lines'") && e.getMessage().contains("proctor datasets lock lines")
                && e.getMessage().contains("--allow-unlocked lines="), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "nothing was written");
    }
}
