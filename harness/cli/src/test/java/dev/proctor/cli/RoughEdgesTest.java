package dev.proctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.embedded.EmbeddedModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user ran into, each reproduced and each now handled (issue 10's rough edges). */
class RoughEdgesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTaskListFileOfSeveralLinesSelectsEachLine(@TempDir Path tmp) throws Exception {
        Path list = Files.writeString(tmp.resolve("kept.txt"),
                "# kept by SNR filtering\nsynthetic:geography_en\nsynthetic:science_zh\n");
        CliRun run = CliRun.of("run", "--tasks", "@" + list, "--limit", "3", "--resamples", "100", "--out",
                tmp.resolve("o").toString(), "--no-progress", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode subjects = JSON.readTree(run.out()).at("/results/subjects");
        List<String> names = new ArrayList<>();
        subjects.forEach(s -> names.add(s.get("subject").asText()));
        assertEquals(List.of("geography_en", "science_zh"), names);
    }

    @Test
    void aRunDoesNotWriteIntoAnotherCommandsFolderNorAReportIntoARun(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliRun first = CliRun.of("run", "--limit", "2", "--resamples", "100", "--out", run.toString(), "--no-progress");
        assertEquals(0, first.exitCode(), first::toString);
        Path report = tmp.resolve("report");
        CliRun ci = CliRun.of("stats", "ci", run.toString(), "--resamples", "100", "--out", report.toString());
        assertEquals(0, ci.exitCode(), ci::toString);
        byte[] before = Files.readAllBytes(report.resolve("stats.json"));

        CliRun over = CliRun.of("run", "--limit", "2", "--out", report.toString(), "--no-progress");
        assertEquals(Main.EXIT_USER_ERROR, over.exitCode(), over::toString);
        assertTrue(over.err().contains(report + " already holds files that are not a run's")
                && over.err().contains("stats.json"), over.err());
        assertFalse(Files.exists(report.resolve("items.sqlite")), "nothing was written");
        assertEquals(new String(before), Files.readString(report.resolve("stats.json")));

        CliRun intoRun = CliRun.of("stats", "ci", run.toString(), "--resamples", "100", "--out", run.toString());
        assertEquals(Main.EXIT_USER_ERROR, intoRun.exitCode(), intoRun::toString);
        assertTrue(intoRun.err().contains("not a statistics report's") && intoRun.err().contains("items.sqlite"),
                intoRun.err());

        CliRun again = CliRun.of("run", "--limit", "2", "--resamples", "100", "--out", run.toString(), "--no-progress");
        assertEquals(0, again.exitCode(), "a run's own folder is resumed: " + again);
    }

    @Test
    void moreShotsThanTheDevSplitHasAreRefused() {
        CliRun run = CliRun.of("run", "--shots", "10", "--no-progress");
        assertEquals(Main.EXIT_USER_ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--shots 10") && run.err().contains("ask for at most 5"), run.err());
    }

    @Test
    void proctorWithoutACommandIsAUsageErrorThatListsTheCommands() {
        CliRun bare = CliRun.of();
        assertEquals(Main.EXIT_USAGE, bare.exitCode(), bare::toString);
        assertTrue(bare.err().contains("a command is required") && bare.err().contains("run"), bare.err());
        CliRun stats = CliRun.of("stats");
        assertEquals(Main.EXIT_USAGE, stats.exitCode(), stats::toString);
        assertTrue(stats.err().contains("paired"), stats.err());
    }

    @Test
    void retrieveTakesNoProgressAsRunDoes(@TempDir Path tmp) {
        CliRun run = CliRun.of("retrieve", "--dataset", "bundled:everyday-en", "--retriever", "bm25", "--resamples",
                "100", "--out", tmp.resolve("r").toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("0.8723"), run.out());
    }

    @Test
    void progressWithoutATerminalIsALineEveryFewSecondsWithNoCarriageReturns() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        LineProgress progress = new LineProgress(new PrintWriter(text, true), () -> now[0]);
        progress.started(100, 20);
        for (int i = 0; i < 100; i++) {
            now[0] += 250_000_000L; // a quarter second per item: 25 s in all
            progress.advanced(1);
        }
        progress.finished();
        List<String> lines = text.toString().lines().toList();
        assertEquals("scoring 100 items (20 already stored)", lines.get(0));
        assertEquals(4, lines.size(), "a start line, one at 10 s, one at 20 s, the last: " + lines);
        assertEquals("scoring 40/100 items, 10.0 s, 4.0 items/s, about 15 s left", lines.get(1));
        assertEquals("scoring 100/100 items, 25.0 s, 4.0 items/s", lines.get(3));
        assertFalse(text.toString().contains("\r"));
    }

    @Test
    void aModelWithoutADeclaredContextLengthIsRefusedNamingTheFileToAdd(@TempDir Path tmp) throws Exception {
        Path embedded = EmbeddedModels.materialize(EmbeddedModels.DEFAULT);
        Path model = Files.createDirectories(tmp.resolve("no-config"));
        Files.copy(embedded.resolve("model.onnx"), model.resolve("model.onnx"));
        Files.copy(embedded.resolve("tokenizer.json"), model.resolve("tokenizer.json"));
        CliRun run = CliRun.of("run", "--model", "onnx:" + model, "--limit", "2", "--no-progress", "--out",
                tmp.resolve("o").toString());
        assertEquals(Main.EXIT_USER_ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("add " + model.resolve("config.json") + " with {\"max_position_embeddings\""),
                run.err());
        Files.writeString(model.resolve("config.json"), "{\"max_position_embeddings\": 512}");
        CliRun fixed = CliRun.of("run", "--model", "onnx:" + model, "--limit", "2", "--resamples", "100",
                "--no-progress", "--out", tmp.resolve("o").toString());
        assertEquals(0, fixed.exitCode(), fixed::toString);
    }

    @Test
    void numbersOutOfRangeGetOneClearLineNotAStackTrace(@TempDir Path tmp) {
        String[][] cases = {{"--limit", "-1", "--limit must be 1 or more, was -1"},
            {"--limit", "0", "--limit must be 1 or more, was 0"},
            {"--shots", "-1", "--shots must be 0 or more, was -1"},
            {"--batch-tokens", "0", "--batch-tokens must be 1 or more, was 0"}};
        for (String[] c : cases) {
            CliRun run = CliRun.of("run", c[0], c[1], "--no-progress", "--out", tmp.resolve("o").toString());
            assertEquals(Main.EXIT_USER_ERROR, run.exitCode(), run::toString);
            assertEquals("error: " + c[2], run.err().strip());
            assertFalse(Files.exists(tmp.resolve("o")), "nothing is written");
        }
    }

    @Test
    void aDataDirectoryForATaskThatIsNotSelectedIsRefused(@TempDir Path tmp) {
        CliRun run = CliRun.of("run", "--data-dir", "cmlu=" + tmp, "--no-progress", "--out", tmp.resolve("o").toString());
        assertEquals(Main.EXIT_USER_ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("given for cmlu, which is not a selected task"), run.err());
    }
}
