package dev.proctor.stats.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.stats.testkit.RunFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads run directories in the layout proctor run writes (core's EvaluatorTest reads the real writer's files). */
class RunDirectoryTest {

    @Test
    void readsItemsSubjectsAndProvenance(@TempDir Path dir) {
        new RunFixture().subject("synthetic", "alpha", "1101").subject("synthetic", "beta", "001").write(dir, "run-a");
        RunData run = RunDirectory.read(dir);
        assertEquals("run-a", run.runId());
        assertEquals("fixture:run-a", run.modelName());
        assertEquals(7, run.items().size());
        assertEquals("synthetic/alpha-0", run.items().get(0).key());
        assertEquals(List.of(1.0, 1.0, 0.0, 1.0), run.items().subList(0, 4).stream().map(ItemMetric.ACC::value).toList());
        assertEquals(2, run.subjects().size());
        assertEquals(0.75, run.subjects().get(0).value("acc"), 1e-15);
        assertEquals(1.0 / Math.log(2) / 4, ItemMetric.BPB.value(run.items().get(0)), 1e-12, "1 nat over 4 bytes");
        assertTrue(run.resultsSha256().matches("[0-9a-f]{64}"));
        assertEquals(1.0, ItemMetric.ACC.value(run.items().get(0)));
        assertEquals(0.0, ItemMetric.ACC.value(run.items().get(2)));
    }

    @Test
    void theMetricDefaultsToTheRunsMainMetricAndTakesItsDirectionFromThem(@TempDir Path dir) throws IOException {
        RunData run = RunDirectory.read(new RunFixture().subject("t", "s", "10").write(dir.resolve("a"), "a"));
        assertEquals(List.of(new TaskMetrics("t", "acc", java.util.Set.of("bpb"))), run.tasks());
        assertEquals(ItemMetric.ACC, ItemMetric.forRuns(null, List.of(run)));
        assertEquals(ItemMetric.BPB, ItemMetric.forRuns("bpb", List.of(run)));

        Path other = new RunFixture().subject("u", "s", "01").write(dir.resolve("b"), "b");
        Path results = other.resolve(RunDirectory.RESULTS);
        Files.writeString(results, Files.readString(results).replace("\"mainMetric\":\"acc\"",
                "\"mainMetric\":\"ndcg_cut_10\""));
        RunData retrieval = RunDirectory.read(other);
        ProctorException mixed = assertThrows(ProctorException.class,
                () -> ItemMetric.forRuns(null, List.of(run, retrieval)));
        assertTrue(mixed.getMessage().contains("different main metrics") && mixed.getMessage().contains("--metric"),
                mixed.getMessage());
        assertEquals(ItemMetric.ACC, ItemMetric.forRuns("acc", List.of(run, retrieval)));
    }

    @Test
    void aGoldMapIsTheSameGoldWhateverOrderItsKeysWereWrittenIn() throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        String a = RunDirectory.canonical(json.readTree("{\"en-d03\":2,\"en-d01\":1,\"x\":[{\"b\":1,\"a\":2}]}"));
        String b = RunDirectory.canonical(json.readTree("{\"x\":[{\"a\":2,\"b\":1}],\"en-d01\":1,\"en-d03\":2}"));
        assertEquals(a, b);
        assertEquals("{\"en-d01\":1,\"en-d03\":2,\"x\":[{\"a\":2,\"b\":1}]}", a);
        assertEquals("\"B\"", RunDirectory.canonical(json.readTree("\"B\"")), "a letter stays as written");
    }

    @Test
    void aDirectoryWithoutSamplesIsNotARun(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("results.json"), "{}");
        ProctorException e = assertThrows(ProctorException.class, () -> RunDirectory.read(dir));
        assertTrue(e.getMessage().contains("samples.jsonl is missing"), e.getMessage());
    }

    @Test
    void aDuplicatedItemNamesItsLine(@TempDir Path dir) throws IOException {
        new RunFixture().subject("t", "s", "10").write(dir, "r");
        List<String> lines = Files.readAllLines(dir.resolve("samples.jsonl"));
        Files.write(dir.resolve("samples.jsonl"), List.of(lines.get(0), lines.get(1), lines.get(0)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> RunDirectory.read(dir));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("t/s-0 appears twice"), e.getMessage());
    }

    @Test
    void aLineWithoutMetricsIsAnErrorAndAMissingMetricIsNamed(@TempDir Path dir) throws IOException {
        new RunFixture().subject("t", "s", "1").write(dir, "r");
        Files.writeString(dir.resolve("samples.jsonl"), "{\"id\":\"1\",\"task\":\"t\",\"subject\":\"s\",\"gold\":0}\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> RunDirectory.read(dir));
        assertTrue(e.getMessage().contains("samples.jsonl:1: missing object field 'metrics'"), e.getMessage());
        new RunFixture().subject("t", "s", "1").write(dir, "r");
        ProctorException missing = assertThrows(ProctorException.class,
                () -> ItemMetric.parse("exact_match").value(RunDirectory.read(dir).items().get(0)));
        assertTrue(missing.getMessage().contains("no metric 'exact_match'; its metrics are [acc, acc_norm, bpb]"),
                missing.getMessage());
    }

    @Test
    void resultsOfAnOlderLayoutAreRefusedSayingSo(@TempDir Path dir) throws IOException {
        new RunFixture().subject("t", "s", "1").write(dir, "r");
        Files.writeString(dir.resolve("results.json"), "{\"provenance\": {}, \"results\": {\"subjects\": []}}");
        DataFormatException e = assertThrows(DataFormatException.class, () -> RunDirectory.read(dir));
        assertTrue(e.getMessage().contains("written by an older Proctor"), e.getMessage());
    }

    @Test
    void selectionFiltersATaskOrOneSubject(@TempDir Path dir) {
        new RunFixture().subject("a", "x", "11").subject("a", "y", "0").subject("b", "x", "1").write(dir, "r");
        RunData run = RunDirectory.read(dir);
        assertEquals(3, run.filter(Selection.parse("a")).items().size());
        assertEquals(1, run.filter(Selection.parse("a:y")).items().size());
        assertEquals("a:y", Selection.parse("a:y").toString());
    }

    @Test
    void anItemMetricThatIsNotAFiniteNumberIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        new RunFixture().subject("t", "s", "10").write(dir, "r");
        List<String> lines = Files.readAllLines(dir.resolve("samples.jsonl"));
        Files.write(dir.resolve("samples.jsonl"), List.of(lines.get(0), lines.get(1).replaceFirst(
                "\"acc\":[0-9.]+", "\"acc\":\"NaN\"")));
        DataFormatException e = assertThrows(DataFormatException.class, () -> RunDirectory.read(dir));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("expected metric 'acc' to be a finite number"), e.getMessage());
    }
}
