package dev.proctor.stats.paired;

import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import dev.proctor.stats.bootstrap.Resamples;
import dev.proctor.stats.bootstrap.Strata;
import dev.proctor.stats.bootstrap.StratifiedBootstrap;
import dev.proctor.stats.numeric.NumpyMath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two runs compared item by item, per task: every subject, every category the run lists, and the whole task, each
 * category and the task both micro and macro. One stratified bootstrap per task serves all its rows, so the
 * intervals of a subject and of its task come from the same resamples.
 */
public final class RunComparison {
    public static final String OVERALL = "overall";

    private RunComparison() {
    }

    /**
     * @param categoriesBySubject {@code task:subject} to its categories (may be empty: no category rows)
     */
    public static List<ComparisonRow> compare(AlignedItems items, Map<String, List<String>> categoriesBySubject,
                                              PairedOptions options) {
        Map<String, List<Integer>> byTask = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byTask.computeIfAbsent(items.tasks().get(i), k -> new ArrayList<>()).add(i);
        }
        List<ComparisonRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> task : byTask.entrySet()) {
            rows.addAll(compareTask(task.getKey(), task.getValue(), items, categoriesBySubject, options));
        }
        return rows;
    }

    private static List<ComparisonRow> compareTask(String task, List<Integer> positions, AlignedItems items,
                                                   Map<String, List<String>> categoriesBySubject,
                                                   PairedOptions options) {
        int n = positions.size();
        double[] a = new double[n];
        double[] b = new double[n];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            a[i] = items.a()[positions.get(i)];
            b[i] = items.b()[positions.get(i)];
            labels.add(items.subjects().get(positions.get(i)));
        }
        Strata strata = Strata.byLabel(labels);
        Resamples res = StratifiedBootstrap.run(new double[][] {a, b}, strata, options.bootstrap());
        ConfidenceLevel level = options.bootstrap().confidence();
        List<ComparisonRow> rows = new ArrayList<>();
        for (int s = 0; s < strata.size(); s++) {
            int[] members = strata.members()[s];
            double[] diff = Resamples.difference(res.perStratum()[0][s], res.perStratum()[1][s]);
            rows.add(row(task, strata.names().get(s), "subject", members, a, b, null,
                    BootstrapSummary.of(diff, level), options));
        }
        Map<String, List<Integer>> categories = new LinkedHashMap<>();
        for (int s = 0; s < strata.size(); s++) {
            for (String c : categoriesBySubject.getOrDefault(task + ":" + strata.names().get(s), List.of())) {
                categories.computeIfAbsent(c, k -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<String, List<Integer>> c : categories.entrySet()) {
            rows.addAll(groupRows(task, c.getKey(), c.getValue(), strata, res, a, b, options));
        }
        List<Integer> all = new ArrayList<>();
        for (int s = 0; s < strata.size(); s++) {
            all.add(s);
        }
        rows.addAll(groupRows(task, OVERALL, all, strata, res, a, b, options));
        return rows;
    }

    /** Micro and macro rows of a group of subjects, from the subjects' resampled means. */
    private static List<ComparisonRow> groupRows(String task, String group, List<Integer> subjects, Strata strata,
                                                 Resamples res, double[] a, double[] b, PairedOptions options) {
        int resamples = res.resamples();
        List<Integer> itemList = new ArrayList<>();
        for (int s : subjects) {
            for (int i : strata.members()[s]) {
                itemList.add(i);
            }
        }
        int[] members = itemList.stream().mapToInt(Integer::intValue).toArray();
        double[] microDiff = new double[resamples];
        double[] macroDiff = new double[resamples];
        double[] weights = new double[a.length];
        for (int r = 0; r < resamples; r++) {
            double microA = 0;
            double microB = 0;
            double macroA = 0;
            double macroB = 0;
            for (int s : subjects) {
                int size = strata.members()[s].length;
                microA += res.perStratum()[0][s][r] * size;
                microB += res.perStratum()[1][s][r] * size;
                macroA += res.perStratum()[0][s][r];
                macroB += res.perStratum()[1][s][r];
            }
            microDiff[r] = (microA - microB) / members.length;
            macroDiff[r] = (macroA - macroB) / subjects.size();
        }
        double macroScoreA = 0;
        double macroScoreB = 0;
        for (int s : subjects) {
            int[] m = strata.members()[s];
            macroScoreA += mean(a, m);
            macroScoreB += mean(b, m);
            for (int i : m) {
                weights[i] = 1.0 / (subjects.size() * (double) m.length);
            }
        }
        ConfidenceLevel level = options.bootstrap().confidence();
        ComparisonRow micro = row(task, group, "micro", members, a, b, null, BootstrapSummary.of(microDiff, level), options);
        double[] d = new double[a.length];
        for (int i : members) {
            d[i] = a[i] - b[i];
        }
        ComparisonRow macro = new ComparisonRow(task, group, "macro", members.length,
                macroScoreA / subjects.size(), macroScoreB / subjects.size(), BootstrapSummary.of(macroDiff, level),
                Optional.empty(), options.permutation(d, weights));
        return List.of(micro, macro);
    }

    private static ComparisonRow row(String task, String group, String averaging, int[] members, double[] a,
                                     double[] b, double[] weights, BootstrapSummary difference, PairedOptions options) {
        double[] sa = new double[members.length];
        double[] sb = new double[members.length];
        double[] d = new double[members.length];
        for (int j = 0; j < members.length; j++) {
            sa[j] = a[members[j]];
            sb[j] = b[members[j]];
            d[j] = sa[j] - sb[j];
        }
        Optional<McNemar> mcnemar = McNemar.isBinary(sa) && McNemar.isBinary(sb)
                ? Optional.of(McNemar.of(sa, sb)) : Optional.empty();
        return new ComparisonRow(task, group, averaging, members.length, NumpyMath.mean(sa), NumpyMath.mean(sb),
                difference, mcnemar, options.permutation(d, weights));
    }

    private static double mean(double[] x, int[] members) {
        double[] v = new double[members.length];
        for (int j = 0; j < members.length; j++) {
            v[j] = x[members[j]];
        }
        return NumpyMath.mean(v);
    }
}
