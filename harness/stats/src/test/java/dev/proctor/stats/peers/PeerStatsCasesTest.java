package dev.proctor.stats.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.stats.bootstrap.BootstrapReplay;
import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import dev.proctor.stats.error.LmEvalBootstrap;
import dev.proctor.stats.error.StandardErrors;
import dev.proctor.stats.numeric.NumpyMath;
import dev.proctor.stats.paired.McNemar;
import dev.proctor.stats.paired.PermutationResult;
import dev.proctor.stats.paired.SignFlipTest;
import dev.proctor.stats.rank.RankCorrelation;
import dev.proctor.stats.testkit.Agreement;
import dev.proctor.testkit.SharedFolder;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per public statistics case in ../shared/peers: our numbers against what numpy, scipy, statsmodels and
 * lm-eval's code computed (stats_*.output.json), and against R (stats_*.output_R.json) where the conventions agree.
 *
 * <p>Tolerances: {@value #EXACT} absolute for everything whose arithmetic we reproduce operation by operation
 * (means, the four standard errors, the bootstrap replayed from the given index matrix, McNemar's statistics,
 * exact permutation p-values, Kendall's tau and Spearman's rho, lm-eval's bootstrap); {@value #SPECIAL} for
 * p-values that go through special functions (binomial and t CDFs, erfc), where Commons Math and scipy's cephes
 * may differ in the last digits; and four Monte Carlo standard errors for scipy's Monte Carlo permutation p-value,
 * whose PCG64 stream we do not reproduce.
 */
class PeerStatsCasesTest {
    static final double EXACT = 1e-12;
    static final double SPECIAL = 1e-12;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stats_all_same", "stats_n1", "stats_random_n50", "stats_small_exact"})
    void reproducesThePeersCase(String name) throws IOException {
        JsonNode in = read(SharedFolder.require("peers/" + name + ".input.json"));
        JsonNode out = read(SharedFolder.require("peers/" + name + ".output.json"));
        Agreement agree = new Agreement(name);
        double[] a = doubles(in.get("a"));
        double[] b = doubles(in.get("b"));

        assertEquals(out.get("n").asInt(), a.length);
        agree.check("exact", "mean_a", NumpyMath.mean(a), out.get("mean_a"), EXACT);
        agree.check("exact", "mean_b", NumpyMath.mean(b), out.get("mean_b"), EXACT);
        StandardErrors se = StandardErrors.of(a);
        agree.check("exact", "se_binomial", se.binomial(), out.get("se_binomial_sqrt_p(1-p)/n"), EXACT);
        agree.check("exact", "se_population", se.population(), out.get("se_population_std_over_sqrt_n"), EXACT);
        agree.check("exact", "se_sample", se.sample(), out.get("se_sample_var_sqrt_s2/n"), EXACT);
        JsonNode lmEval = out.get("se_lm_eval_mean_stderr");
        if (lmEval.isTextual() && lmEval.asText().startsWith("undefined")) {
            assertTrue(Double.isNaN(se.lmEval()), "lm-eval's mean_stderr is undefined for n = 1: we give NaN");
        } else {
            agree.check("exact", "se_lm_eval_mean_stderr", se.lmEval(), lmEval, EXACT);
        }

        checkBootstrap(agree, in, out, a);
        if (out.has("lm_eval_bootstrap_stderr_of_mean")) {
            JsonNode lm = out.get("lm_eval_bootstrap_stderr_of_mean");
            agree.check("exact", "lm_eval_bootstrap_stderr_of_mean",
                    LmEvalBootstrap.stderrOfMean(a, lm.get("iters").asInt()), lm.get("value"), EXACT);
        }
        checkMcNemar(agree, out.get("mcnemar"), a, b);
        checkPermutation(agree, in, out.get("paired_permutation"), a, b);
        checkRank(agree, in, out.get("rank_correlation"));
        checkR(agree, name, a, b, in);
        System.out.println(agree);
    }

    private static void checkBootstrap(Agreement agree, JsonNode in, JsonNode out, double[] a) {
        JsonNode boot = out.get("bootstrap_mean");
        assertEquals("given", boot.get("index_source").asText());
        int[][] indices = indices(in.at("/bootstrap/indices"));
        assertEquals(boot.get("B").asInt(), indices.length);
        BootstrapSummary s = BootstrapReplay.ofMean(a, indices, ConfidenceLevel.NINETY_FIVE);
        agree.check("bootstrap", "se_ddof1", s.seDdof1(), boot.get("se_ddof1"), EXACT);
        agree.check("bootstrap", "se_ddof0", s.seDdof0(), boot.get("se_ddof0"), EXACT);
        agree.check("bootstrap", "ci95 low", s.ciLow(), boot.get("ci95_percentile_linear").get(0), EXACT);
        agree.check("bootstrap", "ci95 high", s.ciHigh(), boot.get("ci95_percentile_linear").get(1), EXACT);
        agree.check("bootstrap", "mean_of_bootstrap_means", s.meanOfResamples(), boot.get("mean_of_bootstrap_means"), EXACT);
    }

    private static void checkMcNemar(Agreement agree, JsonNode m, double[] a, double[] b) {
        if (m.isTextual()) {
            assertFalse(McNemar.isBinary(a) && McNemar.isBinary(b), "the peer skipped McNemar on non-0/1 data: " + m);
            return;
        }
        McNemar ours = McNemar.of(a, b);
        assertEquals(m.get("b_A_only").asInt(), ours.b());
        assertEquals(m.get("c_B_only").asInt(), ours.c());
        agree.check("exact", "mcnemar exact statistic", ours.exactStatistic(), m.at("/statsmodels_exact/statistic"), EXACT);
        agree.check("p-value", "mcnemar exact p", ours.exactP(), m.at("/statsmodels_exact/pvalue"), SPECIAL);
        agree.check("exact", "chi2 continuity", ours.chi2(), m.at("/statsmodels_chi2_continuity/statistic"), EXACT);
        agree.check("p-value", "chi2 continuity p", ours.chi2P(), m.at("/statsmodels_chi2_continuity/pvalue"), SPECIAL);
        agree.check("exact", "chi2 no continuity", ours.chi2Uncorrected(), m.at("/statsmodels_chi2_no_continuity/statistic"), EXACT);
        agree.check("p-value", "chi2 no continuity p", ours.chi2UncorrectedP(), m.at("/statsmodels_chi2_no_continuity/pvalue"), SPECIAL);
        JsonNode binom = m.get("scipy_binomtest_two_sided");
        if (binom != null && !binom.isNull()) {
            agree.check("p-value", "scipy binomtest", ours.exactP(), binom, SPECIAL);
        }
    }

    private static void checkPermutation(Agreement agree, JsonNode in, JsonNode p, double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        agree.check("exact", "observed_mean_diff", NumpyMath.mean(d), p.get("observed_mean_diff"), EXACT);
        PermutationResult exact = SignFlipTest.test(d, null, 64, 0, 0);
        if (p.has("exact_enumeration")) {
            JsonNode e = p.get("exact_enumeration");
            agree.check("permutation", "exact p_two_sided_abs", exact.pTwoSidedAbs(), e.get("p_two_sided_abs"), EXACT);
            agree.check("permutation", "exact p_greater", exact.pGreater(), e.get("p_greater"), EXACT);
            agree.check("permutation", "exact p_less", exact.pLess(), e.get("p_less"), EXACT);
        }
        JsonNode scipy = p.get("scipy_permutation_test");
        if (scipy == null || scipy.isNull()) {
            return;
        }
        double peerP = Agreement.value(scipy.get("pvalue"));
        if (scipy.get("exact").asBoolean()) {
            agree.check("permutation", "scipy exact pvalue", exact.pTwoSided(), peerP, EXACT);
            return;
        }
        // Monte Carlo: same conventions, different random stream. Ours must agree within 4 MC standard errors,
        // both in Monte Carlo mode and exactly (the exact value is what the Monte Carlo estimates).
        int n = in.at("/permutation/n_resamples").asInt();
        PermutationResult mc = SignFlipTest.test(d, null, -1, n, in.at("/permutation/seed").asLong());
        assertTrue(!mc.exact());
        double tolerance = Math.max(4 * Math.sqrt(peerP * (1 - peerP) / n), 1e-12);
        agree.check("monte-carlo", "scipy MC pvalue vs our MC", mc.pTwoSided(), peerP, tolerance);
        agree.check("monte-carlo", "scipy MC pvalue vs our exact", exact.pTwoSided(), peerP, tolerance);
    }

    private static void checkRank(Agreement agree, JsonNode in, JsonNode r) {
        double[] x = doubles(in.get("rank_x"));
        double[] y = doubles(in.get("rank_y"));
        RankCorrelation ours = RankCorrelation.of(x, y);
        agree.check("rank", "kendall tau-b", ours.tauB(), r.at("/kendall_tau_b/statistic"), EXACT);
        agree.check("p-value", "kendall tau-b p", ours.kendallP(), r.at("/kendall_tau_b/pvalue"), SPECIAL);
        agree.check("rank", "kendall tau-c", ours.tauC(), r.at("/kendall_tau_c/statistic"), EXACT);
        agree.check("p-value", "kendall tau-c p", ours.kendallP(), r.at("/kendall_tau_c/pvalue"), SPECIAL);
        agree.check("rank", "spearman rho", ours.spearmanRho(), r.at("/spearman_rho/statistic"), EXACT);
        agree.check("p-value", "spearman p", ours.spearmanP(), r.at("/spearman_rho/pvalue"), SPECIAL);
        JsonNode pearson = r.get("pearson_on_average_ranks");
        if (pearson != null && !pearson.isNull()) {
            double ranksPearson = x.length < 2 || Double.isNaN(ours.spearmanRho()) ? Double.NaN
                    : new PearsonsCorrelation().correlation(new NaturalRanking().rank(x), new NaturalRanking().rank(y));
            agree.check("rank", "pearson on average ranks", ranksPearson, pearson, EXACT);
            agree.check("rank", "spearman = pearson on average ranks", ours.spearmanRho(), pearson, EXACT);
        }
    }

    /**
     * R agrees where the conventions do; where they differ, we follow the documented peer (statsmodels, scipy), and
     * the test says so.
     */
    private static void checkR(Agreement agree, String name, double[] a, double[] b, JsonNode in) throws IOException {
        JsonNode r = read(SharedFolder.require("peers/" + name + ".output_R.json"));
        StandardErrors se = StandardErrors.of(a);
        agree.check("R", "R se_binomial", se.binomial(), r.get("se_binomial_sqrt_p(1-p)/n"), EXACT);
        agree.check("R", "R se_sample", se.sample(), r.get("se_sample_var_sqrt_s2/n"), EXACT);
        BootstrapSummary s = BootstrapReplay.ofMean(a, indices(in.at("/bootstrap/indices")), ConfidenceLevel.NINETY_FIVE);
        agree.check("R", "R bootstrap se_ddof1", s.seDdof1(), r.at("/bootstrap_replayed/se_ddof1"), EXACT);
        agree.check("R", "R quantile type 7 low", s.ciLow(), r.at("/bootstrap_replayed/ci95_quantile_type7").get(0), EXACT);
        agree.check("R", "R quantile type 7 high", s.ciHigh(), r.at("/bootstrap_replayed/ci95_quantile_type7").get(1), EXACT);
        JsonNode m = r.get("mcnemar");
        if (m != null && McNemar.isBinary(a) && McNemar.isBinary(b)) {
            McNemar ours = McNemar.of(a, b);
            if (ours.b() + ours.c() == 0) {
                // statsmodels: +inf and p = 0; R: NA. We follow statsmodels.
                assertEquals("NA", m.at("/chi2_continuity/statistic").asText());
                assertEquals(Double.POSITIVE_INFINITY, ours.chi2());
                assertEquals(0.0, ours.chi2P());
            } else if (ours.b() != ours.c()) {
                agree.check("R", "R chi2 continuity", ours.chi2(), m.at("/chi2_continuity/statistic"), EXACT);
                agree.check("R", "R chi2 continuity p", ours.chi2P(), m.at("/chi2_continuity/pvalue"), SPECIAL);
                agree.check("R", "R exact binom", ours.exactP(), m.get("exact_binom_test"), SPECIAL);
            }
        }
        RankCorrelation rank = RankCorrelation.of(doubles(in.get("rank_x")), doubles(in.get("rank_y")));
        agree.check("R", "R kendall tau-b", rank.tauB(), r.at("/rank_correlation/kendall_tau_b"), EXACT);
        agree.check("R", "R spearman rho", rank.spearmanRho(), r.at("/rank_correlation/spearman_rho"), EXACT);
        double rSpearmanP = Agreement.value(r.at("/rank_correlation/spearman_pvalue_R"));
        double[] x = doubles(in.get("rank_x"));
        double[] y = doubles(in.get("rank_y"));
        boolean ties = java.util.Arrays.stream(x).distinct().count() < x.length
                || java.util.Arrays.stream(y).distinct().count() < y.length;
        if (!Double.isNaN(rSpearmanP) && !ties) {
            // Without ties R's cor.test is exact (AS 89), scipy's a t approximation; we give scipy's.
            assertTrue(Math.abs(rSpearmanP - rank.spearmanP()) > 1e-4,
                    "R's exact Spearman p " + rSpearmanP + " should differ from scipy's t approximation " + rank.spearmanP());
        } else if (!Double.isNaN(rSpearmanP)) {
            // With ties R also uses the t approximation.
            agree.check("R", "R spearman p (ties: t approximation)", rank.spearmanP(), rSpearmanP, SPECIAL);
        }
        double rKendallP = Agreement.value(r.at("/rank_correlation/kendall_pvalue_R"));
        if (!Double.isNaN(rKendallP)) {
            agree.check("R", "R kendall p", rank.kendallP(), rKendallP, SPECIAL);
        }
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static int[][] indices(JsonNode matrix) {
        int[][] out = new int[matrix.size()][];
        for (int b = 0; b < out.length; b++) {
            JsonNode row = matrix.get(b);
            out[b] = new int[row.size()];
            for (int j = 0; j < row.size(); j++) {
                out[b][j] = row.get(j).asInt();
            }
        }
        return out;
    }

    static JsonNode read(Path p) throws IOException {
        return JSON.readTree(p.toFile());
    }
}
