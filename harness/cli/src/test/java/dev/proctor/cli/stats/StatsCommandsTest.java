package dev.proctor.cli.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.stats.error.StandardErrors;
import dev.proctor.stats.paired.McNemar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proctor stats paired|ci|rank} and {@code proctor rank} on small fixtures. */
class StatsCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] A = {1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0};
    private static final double[] B = {1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1};

    @Test
    void pairedScoreFilesNameEachStatisticAsTheConventions(@TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("a.txt"), A);
        Path b = write(dir.resolve("b.txt"), B);
        StatsCli run = StatsCli.run(new StatsCommand(), "paired", a.toString(), b.toString(), "--seed", "99",
                "--resamples", "2000", "--out", dir.resolve("r").toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode p = JSON.readTree(run.out()).at("/results/paired");
        assertEquals(20, p.get("n").asInt());
        StandardErrors se = StandardErrors.of(A);
        assertEquals(se.binomial(), p.at("/standard_errors/a/se_binomial").asDouble(), 0.0);
        assertEquals(se.lmEval(), p.at("/standard_errors/a/se_lm_eval_mean_stderr").asDouble(), 0.0);
        McNemar m = McNemar.of(A, B);
        assertEquals(m.exactP(), p.at("/mcnemar/statsmodels_exact/pvalue").asDouble(), 0.0);
        assertEquals(m.chi2(), p.at("/mcnemar/statsmodels_chi2_continuity/statistic").asDouble(), 0.0);
        assertEquals(99, p.at("/bootstrap/seed").asInt());
        assertEquals(2000, p.at("/bootstrap/mean_diff/B").asInt());
        assertTrue(p.at("/bootstrap/mean_diff/ci95_percentile_linear").isArray());
        assertEquals(m.exactP(), p.at("/paired_permutation/pvalue").asDouble(), 1e-12,
                "6 non-zero differences: exact, and equal to McNemar's exact test on 0/1 scores");
    }

    @Test
    void pairedFilesOfDifferentLengthsAreRefused(@TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("a.txt"), A);
        Path b = write(dir.resolve("b.txt"), Arrays.copyOf(B, 19));
        StatsCli run = StatsCli.run(new StatsCommand(), "paired", a.toString(), b.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("has 20 scores") && run.err().contains("has 19"), run.err());
    }

    @Test
    void rankCorrelationOfTwoScoreFiles(@TempDir Path dir) throws Exception {
        Path x = write(dir.resolve("x.txt"), new double[] {0.9, 0.8, 0.8, 0.7, 0.5, 0.5, 0.4});
        Path y = write(dir.resolve("y.txt"), new double[] {0.7, 0.9, 0.6, 0.6, 0.5, 0.3, 0.3});
        StatsCli run = StatsCli.run(new StatsCommand(), "rank", x.toString(), y.toString(),
                "--out", dir.resolve("r").toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode r = JSON.readTree(run.out()).at("/results/rank_correlation");
        assertEquals(0.7894736842105262, r.at("/kendall_tau_b/statistic").asDouble(), 1e-12, "scipy, stats_small_exact");
        assertEquals(0.8888888888888891, r.at("/spearman_rho/statistic").asDouble(), 1e-12);
    }

    @Test
    void oneRunsIntervals(@TempDir Path dir) throws Exception {
        Path a = new RunDirs().subject("t", "x", "1101101101").subject("t", "y", "10").write(dir.resolve("run"));
        StatsCli run = StatsCli.run(new StatsCommand(), "ci", a.toString(), "--resamples", "500",
                "--out", dir.resolve("r").toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode rows = JSON.readTree(run.out()).at("/results/rows");
        assertEquals(4, rows.size());
        assertEquals("overall", rows.get(3).get("group").asText());
        assertEquals("macro", rows.get(3).get("averaging").asText());
        assertEquals(0.6, rows.get(3).get("score").asDouble(), 1e-15);
    }

    @Test
    void leaderboardFlipsAndAgreementWithAnotherCondition(@TempDir Path dir) throws Exception {
        Path strong = new RunDirs().subject("t", "x", "1111111110").write(dir.resolve("strong"));
        Path mid = new RunDirs().subject("t", "x", "1111100000").write(dir.resolve("mid"));
        Path close = new RunDirs().subject("t", "x", "1110000001").write(dir.resolve("close"));
        Path strong5 = new RunDirs().subject("t", "x", "1111111111").write(dir.resolve("strong-5"));
        Path mid5 = new RunDirs().subject("t", "x", "1100000000").write(dir.resolve("mid-5"));
        Path close5 = new RunDirs().subject("t", "x", "1110000000").write(dir.resolve("close-5"));
        StatsCli run = StatsCli.run(new RankCommand(), strong.toString(), mid.toString(), close.toString(),
                "--versus", strong5 + "," + mid5 + "," + close5, "--resamples", "1000",
                "--out", dir.resolve("r").toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode r = JSON.readTree(run.out()).at("/results/rank");
        assertEquals("strong", r.at("/adjacent_flips/0/upper").asText());
        assertTrue(r.at("/adjacent_flips/1/p_flip").asDouble() + r.at("/adjacent_flips/1/p_tie").asDouble() > 0.3,
                "mid and close (5 vs 4 of 10, three discordant items) are not separated");
        assertEquals(1.0 / 3, r.at("/rank_correlation/kendall_tau_b/statistic").asDouble(), 1e-12,
                "mid and close swap under the other condition");
    }

    static Path write(Path file, double[] values) throws Exception {
        return Files.writeString(file, Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining("\n")) + "\n");
    }
}
