package dev.proctor.stats.merge;

import dev.proctor.api.ProctorException;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.stats.bootstrap.Resamples;
import dev.proctor.stats.bootstrap.Strata;
import dev.proctor.stats.bootstrap.StratifiedBootstrap;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.Selection;
import dev.proctor.stats.numeric.NumpyMath;
import dev.proctor.stats.paired.AlignedItems;
import dev.proctor.stats.paired.ItemAlignment;
import dev.proctor.stats.paired.McNemar;
import dev.proctor.stats.paired.PairedOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares one merged model with each task's fine-tuned model. Each task is paired on its own items (the merged
 * run restricted to the task against the fine-tuned run restricted to it) and bootstrapped within its subjects;
 * task i draws from seed + i, so the tasks' resamples are independent and can be averaged resample by resample.
 */
public final class MergedVsFinetuned {
    private MergedVsFinetuned() {
    }

    /**
     * @param finetuned per task selection, the fine-tuned model's run, in the order to report
     */
    public static MergeSummary compare(RunData merged, Map<Selection, RunData> finetuned, ItemMetric metric,
                                       PairedOptions options) {
        if (finetuned.isEmpty()) {
            throw new ProctorException("no fine-tuned runs given: name them as task=DIR");
        }
        BootstrapConfig base = options.bootstrap();
        List<TaskComparison> rows = new ArrayList<>();
        List<double[]> ratios = new ArrayList<>();
        int t = 0;
        for (Map.Entry<Selection, RunData> e : finetuned.entrySet()) {
            Selection task = e.getKey();
            RunData m = merged.filter(task);
            RunData f = e.getValue().filter(task);
            if (m.items().isEmpty()) {
                throw new ProctorException("the merged run " + merged.dir() + " has no items of " + task);
            }
            if (f.items().isEmpty()) {
                throw new ProctorException("the fine-tuned run " + e.getValue().dir() + " given for " + task
                        + " has no items of " + task);
            }
            AlignedItems items = ItemAlignment.align("merged " + merged.dir(), m, "fine-tuned " + e.getValue().dir(), f, metric);
            BootstrapConfig config = new BootstrapConfig(base.resamples(), base.seed() + t, base.confidence());
            Resamples res = StratifiedBootstrap.run(new double[][] {items.a(), items.b()},
                    Strata.byLabel(items.subjects()), config);
            double[] ratio = new double[res.resamples()];
            for (int r = 0; r < ratio.length; r++) {
                ratio[r] = res.micro()[0][r] / res.micro()[1][r];
            }
            ratios.add(ratio);
            Optional<McNemar> mcnemar = McNemar.isBinary(items.a()) && McNemar.isBinary(items.b())
                    ? Optional.of(McNemar.of(items.a(), items.b())) : Optional.empty();
            rows.add(new TaskComparison(task.toString(), items.size(), NumpyMath.mean(items.a()),
                    NumpyMath.mean(items.b()),
                    BootstrapSummary.of(Resamples.difference(res.micro()[0], res.micro()[1]), base.confidence()),
                    BootstrapSummary.of(ratio, base.confidence()), mcnemar, Double.NaN));
            t++;
        }
        rows = withHolm(rows);
        double[] averageRatio = new double[base.resamples()];
        for (int r = 0; r < averageRatio.length; r++) {
            double s = 0;
            for (double[] ratio : ratios) {
                s += ratio[r];
            }
            averageRatio[r] = s / ratios.size();
        }
        return new MergeSummary(rows,
                NumpyMath.mean(rows.stream().mapToDouble(TaskComparison::normalizedAccuracy).toArray()),
                BootstrapSummary.of(averageRatio, base.confidence()),
                NumpyMath.mean(rows.stream().mapToDouble(TaskComparison::merged).toArray()),
                NumpyMath.mean(rows.stream().mapToDouble(TaskComparison::finetuned).toArray()));
    }

    private static List<TaskComparison> withHolm(List<TaskComparison> rows) {
        double[] p = rows.stream().mapToDouble(r -> r.mcnemar().map(McNemar::exactP).orElse(Double.NaN)).toArray();
        double[] adjusted = holm(p);
        List<TaskComparison> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TaskComparison r = rows.get(i);
            out.add(new TaskComparison(r.task(), r.n(), r.merged(), r.finetuned(), r.difference(), r.normalized(),
                    r.mcnemar(), adjusted[i]));
        }
        return out;
    }

    /**
     * Holm's step-down adjustment (statsmodels {@code multipletests(method='holm')}): the i-th smallest of m
     * p-values becomes max over j ≤ i of min(1, (m − j)·p_(j)). NaN entries are left out and stay NaN.
     */
    public static double[] holm(double[] p) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i]))
                .boxed().toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        double running = 0;
        int m = order.length;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1.0, (m - j) * p[order[j]]));
            out[order[j]] = running;
        }
        return out;
    }
}
