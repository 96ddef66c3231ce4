package dev.proctor.htmlreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.htmlreport.results.Estimate;
import dev.proctor.htmlreport.results.RunResults;
import dev.proctor.htmlreport.results.TaskResults;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run directory as the report reads it, and what it refuses. */
class RunResultsTest {
    private static final String RESULTS = """
            {"schema": "proctor-results/2",
             "provenance": {"runId": "r1", "model": {"spec": "embedded:x", "name": "x"}, "config": {"shots": 5}},
             "tasks": [{"task": "t", "mainMetric": "bpb", "metrics": [{"name": "bpb", "aggregation": "mean",
               "higherIsBetter": false}]}],
             "results": {"subjects": [
               {"task": "t", "level": "subject", "subject": "a", "n": 2, "metrics": {"bpb": {"value": 0.5,
                 "stderr": 0.1, "ci": [0.4, 0.6]}}},
               {"task": "t", "level": "subject", "subject": "b", "n": 1, "metrics": {"bpb": {"value": 0.7,
                 "stderr": null, "ci": null, "undefined": {"ci": "one item"}}}}],
              "groups": []}}
            """;

    @Test
    void rowsDirectionsShotsAndUndefinedNumbers(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("results.json"), RESULTS);
        Files.writeString(dir.resolve("samples.jsonl"), """
                {"task": "t", "subject": "a", "facts": {"shotsUsed": 5, "shotsDropped": 0}}
                {"task": "t", "subject": "a", "facts": {"shotsUsed": 3, "shotsDropped": 2}}
                {"task": "t", "subject": "b", "facts": {}}
                """);
        RunResults run = RunResults.read(dir);
        assertEquals("x", run.model());
        TaskResults t = run.tasks().get(0);
        assertTrue(!t.mainHigherIsBetter() && t.perItemMain());
        assertEquals("0.5000 [0.4000, 0.6000]", t.subjects().get(0).metric("bpb").text());
        Estimate b = t.subjects().get(1).metric("bpb");
        assertEquals("0.7000", b.text());
        assertEquals("ci: one item", b.undefined().orElseThrow());
        assertEquals("3-5", t.shotsUsed().get("a").text());
        assertEquals(2, t.shotsUsed().get("a").dropped());
        assertTrue(t.overall("micro").isEmpty(), "two subjects and no group rows: no overall row");
    }

    @Test
    void aFolderWithoutResultsIsRefusedByName(@TempDir Path dir) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> RunResults.read(dir));
        assertTrue(e.getMessage().contains(dir.resolve("results.json").toString()), e.getMessage());
    }

    @Test
    void aResultsFileWithoutTasksIsRefusedSayingWhatItLacks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("results.json"), "{\"schema\": \"proctor-results/2\", \"provenance\": {}}");
        DataFormatException e = assertThrows(DataFormatException.class, () -> RunResults.read(dir));
        assertTrue(e.getMessage().contains("'tasks'"), e.getMessage());
    }

    @Test
    void aBrokenSamplesLineIsNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("results.json"), RESULTS);
        Files.writeString(dir.resolve("samples.jsonl"), "{\"task\": \"t\"}\n{broken\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> RunResults.read(dir));
        assertTrue(e.getMessage().contains("samples.jsonl") && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void aResultsFileOfAnotherSchemaIsRefusedSayingWhichItExpects(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("results.json"), RESULTS.replace("\"schema\": \"proctor-results/2\",", ""));
        DataFormatException e = assertThrows(DataFormatException.class, () -> RunResults.read(dir));
        assertTrue(e.getMessage().contains("schema proctor-results/2") && e.getMessage().contains("older Proctor"),
                e.getMessage());
    }
}
