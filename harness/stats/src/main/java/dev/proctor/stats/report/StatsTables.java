package dev.proctor.stats.report;

import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.stats.merge.MergeSummary;
import dev.proctor.stats.merge.TaskComparison;
import dev.proctor.stats.paired.ComparisonRow;
import dev.proctor.stats.paired.McNemar;
import dev.proctor.stats.paired.PairedStatistics;
import dev.proctor.stats.rank.AdjacentFlip;
import dev.proctor.stats.rank.RankCorrelation;
import dev.proctor.stats.snr.FilterResult;
import dev.proctor.stats.snr.FilterStep;
import dev.proctor.stats.snr.SnrResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The Tablesaw tables of every statistics command, one builder per result type. */
public final class StatsTables {
    private StatsTables() {
    }

    public static Table comparison(String title, List<ComparisonRow> rows, String nameA, String nameB) {
        return Table.create(title,
                StringColumn.create("task", rows.stream().map(ComparisonRow::task).toList()),
                StringColumn.create("group", rows.stream().map(ComparisonRow::group).toList()),
                StringColumn.create("averaging", rows.stream().map(ComparisonRow::averaging).toList()),
                IntColumn.create("n", rows.stream().mapToInt(ComparisonRow::n).toArray()),
                doubles(nameA, rows, ComparisonRow::a),
                doubles(nameB, rows, ComparisonRow::b),
                doubles("diff", rows, ComparisonRow::diff),
                doubles("ci_low", rows, r -> r.difference().ciLow()),
                doubles("ci_high", rows, r -> r.difference().ciHigh()),
                doubles("mcnemar_b", rows, r -> r.mcnemar().map(m -> (double) m.b()).orElse(Double.NaN)),
                doubles("mcnemar_c", rows, r -> r.mcnemar().map(m -> (double) m.c()).orElse(Double.NaN)),
                doubles("mcnemar_exact_p", rows, r -> p(r.mcnemar(), McNemar::exactP)),
                doubles("mcnemar_chi2", rows, r -> p(r.mcnemar(), McNemar::chi2)),
                doubles("mcnemar_chi2_p", rows, r -> p(r.mcnemar(), McNemar::chi2P)),
                doubles("permutation_p", rows, r -> r.permutation().pTwoSided()),
                StringColumn.create("permutation", rows.stream()
                        .map(r -> r.permutation().exact() ? "exact" : "monte carlo " + r.permutation().resamples()).toList()));
    }

    public static Table merge(MergeSummary s) {
        List<TaskComparison> rows = s.tasks();
        return Table.create("merged vs fine-tuned",
                StringColumn.create("task", rows.stream().map(TaskComparison::task).toList()),
                IntColumn.create("n", rows.stream().mapToInt(TaskComparison::n).toArray()),
                doubles("merged", rows, TaskComparison::merged),
                doubles("finetuned", rows, TaskComparison::finetuned),
                doubles("diff", rows, TaskComparison::diff),
                doubles("diff_ci_low", rows, r -> r.difference().ciLow()),
                doubles("diff_ci_high", rows, r -> r.difference().ciHigh()),
                doubles("normalized", rows, TaskComparison::normalizedAccuracy),
                doubles("normalized_ci_low", rows, r -> r.normalized().ciLow()),
                doubles("normalized_ci_high", rows, r -> r.normalized().ciHigh()),
                doubles("mcnemar_exact_p", rows, r -> p(r.mcnemar(), McNemar::exactP)),
                doubles("holm_p", rows, TaskComparison::holmP),
                StringColumn.create("lost_significantly", rows.stream().map(r -> r.lostSignificantly() ? "yes" : "no").toList()));
    }

    public static Table mergeAverages(MergeSummary s) {
        BootstrapSummary ci = s.averageNormalizedCi();
        return Table.create("averages over tasks",
                StringColumn.create("statistic", List.of("average normalized accuracy", "average absolute accuracy (merged)",
                        "average absolute accuracy (fine-tuned)")),
                DoubleColumn.create("value", new double[] {s.averageNormalized(), s.averageMerged(), s.averageFinetuned()}),
                DoubleColumn.create("ci_low", new double[] {ci.ciLow(), Double.NaN, Double.NaN}),
                DoubleColumn.create("ci_high", new double[] {ci.ciHigh(), Double.NaN, Double.NaN}));
    }

    public static Table losses(MergeSummary s) {
        List<TaskComparison> lost = s.lostSignificantly();
        return Table.create("tasks that lost significantly",
                StringColumn.create("task", lost.stream().map(TaskComparison::task).toList()),
                doubles("diff", lost, TaskComparison::diff),
                doubles("diff_ci_high", lost, r -> r.difference().ciHigh()),
                doubles("normalized", lost, TaskComparison::normalizedAccuracy),
                doubles("holm_p", lost, TaskComparison::holmP));
    }

    /** A two-column summary (statistic, value) of a paired comparison, for reading at the terminal. */
    public static Table paired(PairedStatistics s) {
        StringColumn name = StringColumn.create("statistic");
        DoubleColumn value = DoubleColumn.create("value");
        add(name, value, "n", s.n());
        add(name, value, "mean_a", s.a().mean());
        add(name, value, "se_a_lm_eval_mean_stderr", s.a().lmEval());
        add(name, value, "mean_b", s.b().mean());
        add(name, value, "se_b_lm_eval_mean_stderr", s.b().lmEval());
        add(name, value, "mean_diff", s.difference().mean());
        add(name, value, "se_diff_paired_lm_eval_mean_stderr", s.difference().lmEval());
        add(name, value, "bootstrap_se_diff_ddof1", s.bootstrapDifference().seDdof1());
        add(name, value, "bootstrap_ci_low", s.bootstrapDifference().ciLow());
        add(name, value, "bootstrap_ci_high", s.bootstrapDifference().ciHigh());
        add(name, value, "bootstrap_seed", s.options().bootstrap().seed());
        s.mcnemar().ifPresent(m -> {
            add(name, value, "mcnemar_b_A_only", m.b());
            add(name, value, "mcnemar_c_B_only", m.c());
            add(name, value, "mcnemar_exact_p", p(Optional.of(m), McNemar::exactP));
            add(name, value, "mcnemar_chi2_continuity", p(Optional.of(m), McNemar::chi2));
            add(name, value, "mcnemar_chi2_continuity_p", p(Optional.of(m), McNemar::chi2P));
        });
        add(name, value, "permutation_p", s.permutation().pTwoSided());
        return Table.create("paired statistics", name, value);
    }

    public static Table rank(RankCorrelation r) {
        return Table.create("rank correlation",
                StringColumn.create("statistic", List.of("kendall_tau_b", "kendall_tau_c", "spearman_rho")),
                DoubleColumn.create("value", new double[] {r.tauB(), r.tauC(), r.spearmanRho()}),
                DoubleColumn.create("pvalue", new double[] {r.kendallP(), r.kendallP(), r.spearmanP()}));
    }

    public static Table flips(List<AdjacentFlip> flips) {
        return Table.create("adjacent order flips",
                IntColumn.create("rank", java.util.stream.IntStream.rangeClosed(1, flips.size()).toArray()),
                StringColumn.create("upper", flips.stream().map(AdjacentFlip::upper).toList()),
                StringColumn.create("lower", flips.stream().map(AdjacentFlip::lower).toList()),
                doubles("upper_score", flips, AdjacentFlip::upperScore),
                doubles("lower_score", flips, AdjacentFlip::lowerScore),
                doubles("p_flip", flips, AdjacentFlip::pFlip),
                doubles("p_tie", flips, AdjacentFlip::pTie));
    }

    public static Table snr(List<SnrResult> rows, Map<String, Double> decision) {
        Table t = Table.create("signal and noise",
                StringColumn.create("column", rows.stream().map(SnrResult::column).toList()),
                IntColumn.create("models", rows.stream().mapToInt(SnrResult::models).toArray()),
                IntColumn.create("checkpoints", rows.stream().mapToInt(SnrResult::checkpoints).toArray()),
                doubles("signal", rows, SnrResult::signal),
                doubles("noise", rows, SnrResult::noise),
                doubles("snr", rows, SnrResult::reportedSnr),
                doubles("noise_sd", rows, SnrResult::noiseSd),
                doubles("signal_mean", rows, SnrResult::signalMean));
        if (!decision.isEmpty()) {
            t.addColumns(doubles("decision_accuracy", rows, r -> decision.getOrDefault(r.column(), Double.NaN)));
        }
        return t;
    }

    public static Table filters(List<FilterResult> results) {
        List<Object[]> flat = new java.util.ArrayList<>();
        for (FilterResult r : results) {
            for (FilterStep s : r.steps()) {
                flat.add(new Object[] {r, s});
            }
        }
        return Table.create("subtask filtering",
                StringColumn.create("task", flat.stream().map(o -> ((FilterResult) o[0]).task()).toList()),
                IntColumn.create("k", flat.stream().mapToInt(o -> ((FilterStep) o[1]).k()).toArray()),
                StringColumn.create("added", flat.stream().map(o -> ((FilterStep) o[1]).added()).toList()),
                doubles("subtask_snr", flat, o -> ((FilterStep) o[1]).subtask().reportedSnr()),
                doubles("aggregate_signal", flat, o -> ((FilterStep) o[1]).aggregate().signal()),
                doubles("aggregate_noise", flat, o -> ((FilterStep) o[1]).aggregate().noise()),
                doubles("aggregate_snr", flat, o -> ((FilterStep) o[1]).aggregate().reportedSnr()),
                StringColumn.create("best", flat.stream()
                        .map(o -> ((FilterResult) o[0]).bestK() == ((FilterStep) o[1]).k() ? "best" : "").toList()));
    }

    public static Table uncertainty(List<dev.proctor.stats.bootstrap.UncertaintyRow> rows) {
        return Table.create("uncertainty",
                StringColumn.create("task", rows.stream().map(r -> r.task()).toList()),
                StringColumn.create("group", rows.stream().map(r -> r.group()).toList()),
                StringColumn.create("averaging", rows.stream().map(r -> r.averaging()).toList()),
                IntColumn.create("n", rows.stream().mapToInt(r -> r.n()).toArray()),
                doubles("score", rows, r -> r.score()),
                doubles("se_lm_eval", rows, r -> r.seLmEval()),
                doubles("se_binomial", rows, r -> r.seBinomial()),
                doubles("bootstrap_se", rows, r -> r.bootstrap().seDdof1()),
                doubles("ci_low", rows, r -> r.bootstrap().ciLow()),
                doubles("ci_high", rows, r -> r.bootstrap().ciHigh()));
    }

    private static void add(StringColumn name, DoubleColumn value, String key, double v) {
        name.append(key);
        value.append(v);
    }

    /** A McNemar statistic, NaN (printed "undefined") where the test is not run or has no information. */
    private static double p(Optional<McNemar> value, ToDoubleFunction<McNemar> f) {
        return value.filter(m -> m.undefined().isEmpty()).map(f::applyAsDouble).orElse(Double.NaN);
    }

    static <T> DoubleColumn doubles(String name, List<T> rows, ToDoubleFunction<T> f) {
        return DoubleColumn.create(name, rows.stream().mapToDouble(f).toArray());
    }
}
