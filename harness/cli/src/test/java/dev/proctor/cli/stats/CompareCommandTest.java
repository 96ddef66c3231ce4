package dev.proctor.cli.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.cli.ReportCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoRunsArePairedAndReported(@TempDir Path dir) throws Exception {
        Path a = new RunDirs().subject("t", "x", "1111111111").subject("t", "y", "1100").write(dir.resolve("run-a"));
        Path b = new RunDirs().subject("t", "x", "1111100000").subject("t", "y", "1100").write(dir.resolve("run-b"));
        Path out = dir.resolve("report");
        StatsCli run = StatsCli.run(new CompareCommand(), a.toString(), b.toString(), "--out", out.toString(),
                "--resamples", "500", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = JSON.readTree(run.out());
        assertEquals("compare", json.at("/provenance/command").asText());
        assertEquals(500, json.at("/provenance/parameters/resamples").asInt());
        assertTrue(json.at("/provenance/inputs/0/sha256/results.json").asText().matches("[0-9a-f]{64}"));
        JsonNode x = json.at("/results/rows/0");
        assertEquals("x", x.get("group").asText());
        assertEquals(0.5, x.get("mean_diff").asDouble(), 1e-15);
        assertEquals(5, x.at("/mcnemar/b_A_only").asInt());
        assertEquals(1234, x.at("/bootstrap_diff/seed").asInt());
        assertTrue(x.at("/bootstrap_diff/ci95_percentile_linear/0").asDouble() > 0);
        assertTrue(x.at("/paired_permutation/exact").asBoolean());
        for (String f : new String[] {"comparison.csv", "comparison.md", "stats.json", "report.md"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        StatsCli table = StatsCli.run(new CompareCommand(), a.toString(), b.toString(), "--out", out.toString(),
                "--resamples", "200");
        assertTrue(table.out().contains("overall") && table.out().contains("report: " + out), table.out());
    }

    @Test
    void mcNemarWithoutDiscordantPairsIsUndefinedNotInfinityAndPZero(@TempDir Path dir) throws Exception {
        Path a = new RunDirs().subject("t", "x", "1100110011").write(dir.resolve("run-a"));
        Path b = new RunDirs().subject("t", "x", "1100110011").write(dir.resolve("run-b"));
        StatsCli json = StatsCli.run(new CompareCommand(), a.toString(), b.toString(), "--out",
                dir.resolve("r").toString(), "--resamples", "200", "--json");
        assertEquals(0, json.exitCode(), json::toString);
        JsonNode mcnemar = JSON.readTree(json.out()).at("/results/rows/0/mcnemar");
        assertTrue(mcnemar.get("pvalue").isNull(), mcnemar.toString());
        assertTrue(mcnemar.get("undefined").asText().contains("no discordant pairs"), mcnemar.toString());
        assertTrue(mcnemar.path("statsmodels_chi2_continuity").isMissingNode(), "only under statsmodels_raw");
        StatsCli table = StatsCli.run(new CompareCommand(), a.toString(), b.toString(), "--out",
                dir.resolve("r").toString(), "--resamples", "200");
        assertTrue(table.out().contains("undefined") && !table.out().contains("Infinity"), table.out());
        String report = Files.readString(dir.resolve("r").resolve("report.md"));
        assertTrue(report.contains("McNemar undefined for x (subject), overall (micro): no discordant pairs"), report);
    }

    @Test
    void runsOnDifferentItemsAreRefused(@TempDir Path dir) {
        Path a = new RunDirs().subject("t", "x", "1111").write(dir.resolve("a"));
        Path b = new RunDirs().subject("t", "x", "11").write(dir.resolve("b"));
        StatsCli run = StatsCli.run(new CompareCommand(), a.toString(), b.toString(), "--out", dir.resolve("r").toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("a has 4 items, b has 2") && run.err().contains("2 only in a (first: t/x-2, t/x-3)"),
                run.err());
    }

    @Test
    void mergedAgainstFineTunedModels(@TempDir Path dir) throws Exception {
        Path merged = new RunDirs().subject("a", "s", "11110000001111000000").subject("b", "s", "1111011110")
                .write(dir.resolve("merged"));
        Path fa = new RunDirs().subject("a", "s", "11111111111111111100").write(dir.resolve("ft-a"));
        Path fb = new RunDirs().subject("b", "s", "1111011110").write(dir.resolve("ft-b"));
        Path out = dir.resolve("report");
        StatsCli run = StatsCli.run(new CompareCommand(), "--merged", merged.toString(),
                "--finetuned", "a=" + fa + ",b=" + fb, "--resamples", "1000", "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode m = JSON.readTree(run.out()).at("/results/merge");
        assertEquals(0.4 / 0.9, m.at("/tasks/0/normalized_acc").asDouble(), 1e-15);
        assertEquals((0.4 / 0.9 + 1) / 2, m.get("avg_normalized_acc").asDouble(), 1e-15);
        assertEquals(0.6, m.get("avg_absolute_acc_merged").asDouble(), 1e-15);
        assertEquals("a", m.at("/lost_significantly/0").asText());
        assertEquals(1, m.get("lost_significantly").size());
        assertTrue(Files.isRegularFile(out.resolve("lost_significantly.csv")));
        assertTrue(Files.readString(out.resolve("merged_vs_finetuned.csv")).contains("yes"));
    }

    @Test
    void mixingTheTwoFormsIsAUsageError(@TempDir Path dir) {
        Path a = new RunDirs().subject("t", "x", "1").write(dir.resolve("a"));
        StatsCli run = StatsCli.run(new CompareCommand(), a.toString(), a.toString(), "--merged", a.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("not both"), run.err());
    }

    @Test
    void mergedWithoutFineTunedIsRefusedByCompareAndReport(@TempDir Path dir) {
        Path a = new RunDirs().subject("t", "x", "1").write(dir.resolve("a"));
        String out = dir.resolve("r").toString();
        for (Object command : new Object[] {new CompareCommand(), new ReportCommand()}) {
            StatsCli merged = StatsCli.run(command, "--merged", a.toString(), "--out", out);
            assertEquals(1, merged.exitCode(), merged::toString);
            assertTrue(merged.err().contains("--merged and --finetuned go together"), merged.err());
        }
        StatsCli finetuned = StatsCli.run(new ReportCommand(), "--finetuned", "t=" + a, "--out", out);
        assertEquals(1, finetuned.exitCode(), finetuned::toString);
        assertTrue(finetuned.err().contains("--merged and --finetuned go together"), finetuned.err());
    }
}
