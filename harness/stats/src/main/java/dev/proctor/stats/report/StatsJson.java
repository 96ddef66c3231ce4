package dev.proctor.stats.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.stats.error.StandardErrors;
import dev.proctor.stats.paired.McNemar;
import dev.proctor.stats.paired.PairedStatistics;
import dev.proctor.stats.paired.PermutationResult;
import dev.proctor.stats.paired.SignFlipTest;
import dev.proctor.stats.rank.RankCorrelation;
import dev.proctor.stats.snr.SnrResult;

/**
 * The JSON layout of statistics, written down in one place and named as metric-conventions.md and the peers'
 * case files name them ({@code se_binomial}, {@code ci95_percentile_linear}, {@code statsmodels_exact}, ...), so a
 * number can be compared with the reference by name. Non-finite numbers are written as the strings "NaN",
 * "Infinity" and "-Infinity", as the peers write them.
 */
public final class StatsJson {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatsJson() {
    }

    public static ObjectNode standardErrors(StandardErrors se) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("n", se.n());
        node.put("mean", se.mean());
        node.put("se_binomial", se.binomial());
        node.put("se_lm_eval_mean_stderr", se.lmEval());
        node.put("se_population", se.population());
        node.put("se_sample", se.sample());
        return node;
    }

    public static ObjectNode bootstrap(BootstrapSummary b, BootstrapConfig config) {
        ObjectNode node = bootstrap(b);
        node.put("seed", config.seed());
        node.put("rng", BootstrapConfig.RNG);
        return node;
    }

    public static ObjectNode bootstrap(BootstrapSummary b) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("B", b.resamples());
        node.put("se_ddof1", b.seDdof1());
        node.put("se_ddof0", b.seDdof0());
        ArrayNode ci = node.putArray(ciName(b));
        ci.add(b.ciLow());
        ci.add(b.ciHigh());
        node.put("confidence_percent", b.confidence().percent());
        node.put("mean_of_bootstrap_statistics", b.meanOfResamples());
        return node;
    }

    /** "ci95_percentile_linear" for 95%, as the peers name it. */
    public static String ciName(BootstrapSummary b) {
        double p = b.confidence().percent();
        String level = p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
        return "ci" + level + "_percentile_linear";
    }

    public static ObjectNode mcnemar(McNemar m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("b_A_only", m.b());
        node.put("c_B_only", m.c());
        if (m.undefined().isPresent()) {
            // no p-value to report; statsmodels' numbers kept, labelled, for comparison with it
            node.putNull("pvalue");
            node.put("undefined", m.undefined().get());
            ObjectNode raw = node.putObject("statsmodels_raw");
            test(raw, "statsmodels_exact", m.exactStatistic(), m.exactP());
            test(raw, "statsmodels_chi2_continuity", m.chi2(), m.chi2P());
            test(raw, "statsmodels_chi2_no_continuity", m.chi2Uncorrected(), m.chi2UncorrectedP());
            return node;
        }
        test(node, "statsmodels_exact", m.exactStatistic(), m.exactP());
        test(node, "statsmodels_chi2_continuity", m.chi2(), m.chi2P());
        test(node, "statsmodels_chi2_no_continuity", m.chi2Uncorrected(), m.chi2UncorrectedP());
        return node;
    }

    public static ObjectNode permutation(PermutationResult p) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("observed_mean_diff", p.statistic());
        node.put("pvalue", p.pTwoSided());
        node.put("p_greater", p.pGreater());
        node.put("p_less", p.pLess());
        node.put("exact", p.exact());
        node.put("nonzero_differences", p.nonZero());
        if (p.exact()) {
            node.put("p_two_sided_abs", p.pTwoSidedAbs());
            node.put("n_assignments", Math.pow(2, p.nonZero()));
        } else {
            node.put("n_resamples", p.resamples());
            node.put("seed", p.seed());
        }
        node.put("definition", SignFlipTest.DEFINITION);
        return node;
    }

    public static ObjectNode paired(PairedStatistics s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("n", s.n());
        node.put("mean_a", s.a().mean());
        node.put("mean_b", s.b().mean());
        node.put("mean_diff", s.difference().mean());
        ObjectNode se = node.putObject("standard_errors");
        se.set("a", standardErrors(s.a()));
        se.set("b", standardErrors(s.b()));
        se.set("diff", standardErrors(s.difference()));
        BootstrapConfig config = s.options().bootstrap();
        ObjectNode boot = node.putObject("bootstrap");
        boot.put("seed", config.seed());
        boot.put("rng", BootstrapConfig.RNG);
        boot.set("mean_a", bootstrap(s.bootstrapA()));
        boot.set("mean_b", bootstrap(s.bootstrapB()));
        boot.set("mean_diff", bootstrap(s.bootstrapDifference()));
        if (s.mcnemar().isPresent()) {
            node.set("mcnemar", mcnemar(s.mcnemar().get()));
        } else {
            node.put("mcnemar", "skipped: a/b are not 0/1 correctness vectors");
        }
        node.set("paired_permutation", permutation(s.permutation()));
        return node;
    }

    public static ObjectNode rank(RankCorrelation r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("n", r.n());
        test(node, "kendall_tau_b", r.tauB(), r.kendallP());
        test(node, "kendall_tau_c", r.tauC(), r.kendallP());
        test(node, "spearman_rho", r.spearmanRho(), r.spearmanP());
        return node;
    }

    /** A test's result as scipy and statsmodels return it: {@code {"statistic", "pvalue"}} under {@code name}. */
    private static void test(ObjectNode parent, String name, double statistic, double pvalue) {
        parent.putObject(name).put("statistic", statistic).put("pvalue", pvalue);
    }

    /** A number, or null where it has no finite value (the reason goes beside it, under "undefined"). */
    public static void finite(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    public static ObjectNode snr(SnrResult r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("signal", r.signal());
        node.put("noise", r.noise());
        if (r.undefined().isPresent()) {
            node.putNull("snr");
            node.put("undefined", r.undefined().get());
        } else {
            node.put("snr", r.snr());
        }
        node.put("models", r.models());
        node.put("checkpoints", r.checkpoints());
        node.put("signal_mean", r.signalMean());
        node.put("dispersion", r.dispersion());
        node.put("noise_mean", r.noiseMean());
        node.put("noise_sd", r.noiseSd());
        return node;
    }
}
