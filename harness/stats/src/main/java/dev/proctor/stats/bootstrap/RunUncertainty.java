package dev.proctor.stats.bootstrap;

import dev.proctor.stats.error.StandardErrors;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.ItemOutcome;
import dev.proctor.stats.io.RunData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Standard errors and seeded bootstrap intervals of one run's scores: every subject, every category results.json
 * lists, and each task overall, categories and tasks both micro and macro. One stratified bootstrap per task
 * serves all its rows.
 */
public final class RunUncertainty {
    private RunUncertainty() {
    }

    public static List<UncertaintyRow> of(RunData run, ItemMetric metric, BootstrapConfig config) {
        Map<String, List<ItemOutcome>> byTask = new LinkedHashMap<>();
        for (ItemOutcome item : run.items()) {
            byTask.computeIfAbsent(item.task(), k -> new ArrayList<>()).add(item);
        }
        Map<String, List<String>> categories = run.categoriesBySubject();
        List<UncertaintyRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<ItemOutcome>> task : byTask.entrySet()) {
            List<ItemOutcome> items = task.getValue();
            double[] x = items.stream().mapToDouble(metric::value).toArray();
            Strata strata = Strata.byLabel(items.stream().map(ItemOutcome::subject).toList());
            Resamples res = StratifiedBootstrap.run(new double[][] {x}, strata, config);
            boolean binary = Arrays.stream(x).allMatch(v -> v == 0 || v == 1);
            List<StandardErrors> subjectErrors = new ArrayList<>();
            for (int s = 0; s < strata.size(); s++) {
                StandardErrors se = errors(values(x, strata.members()[s]), binary);
                subjectErrors.add(se);
                rows.add(new UncertaintyRow(task.getKey(), strata.names().get(s), "subject", se.n(), se.mean(),
                        se.lmEval(), se.binomial(), BootstrapSummary.of(res.perStratum()[0][s], config.confidence())));
            }
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int s = 0; s < strata.size(); s++) {
                for (String c : categories.getOrDefault(task.getKey() + ":" + strata.names().get(s), List.of())) {
                    groups.computeIfAbsent(c, k -> new ArrayList<>()).add(s);
                }
            }
            List<Integer> all = new ArrayList<>();
            for (int s = 0; s < strata.size(); s++) {
                all.add(s);
            }
            groups.put("overall", all);
            for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                rows.addAll(groupRows(task.getKey(), g.getKey(), g.getValue(), x, strata, res, subjectErrors, config));
            }
        }
        return rows;
    }

    private static List<UncertaintyRow> groupRows(String task, String group, List<Integer> subjects, double[] x,
                                                  Strata strata, Resamples res, List<StandardErrors> subjectErrors,
                                                  BootstrapConfig config) {
        int b = res.resamples();
        double[] micro = new double[b];
        double[] macro = new double[b];
        int n = 0;
        for (int s : subjects) {
            n += strata.members()[s].length;
        }
        for (int r = 0; r < b; r++) {
            double sum = 0;
            double means = 0;
            for (int s : subjects) {
                sum += res.perStratum()[0][s][r] * strata.members()[s].length;
                means += res.perStratum()[0][s][r];
            }
            micro[r] = sum / n;
            macro[r] = means / subjects.size();
        }
        List<Integer> members = new ArrayList<>();
        double macroScore = 0;
        double varLmEval = 0;
        double varBinomial = 0;
        for (int s : subjects) {
            for (int i : strata.members()[s]) {
                members.add(i);
            }
            StandardErrors se = subjectErrors.get(s);
            macroScore += se.mean();
            varLmEval += se.lmEval() * se.lmEval();
            varBinomial += se.binomial() * se.binomial();
        }
        int k = subjects.size();
        StandardErrors pooled = errors(values(x, members.stream().mapToInt(Integer::intValue).toArray()),
                !Double.isNaN(varBinomial));
        return List.of(
                new UncertaintyRow(task, group, "micro", n, pooled.mean(), pooled.lmEval(), pooled.binomial(),
                        BootstrapSummary.of(micro, config.confidence())),
                new UncertaintyRow(task, group, "macro", n, macroScore / k, Math.sqrt(varLmEval) / k,
                        Math.sqrt(varBinomial) / k, BootstrapSummary.of(macro, config.confidence())));
    }

    /** The binomial standard error is a 0/1 metric's only: NaN (undefined) for nDCG, bits per byte and the like. */
    private static StandardErrors errors(double[] x, boolean binary) {
        StandardErrors se = StandardErrors.of(x);
        return binary ? se : new StandardErrors(se.n(), se.mean(), Double.NaN, se.lmEval(), se.population(),
                se.sample());
    }

    private static double[] values(double[] x, int[] members) {
        double[] v = new double[members.length];
        for (int j = 0; j < members.length; j++) {
            v[j] = x[members[j]];
        }
        return v;
    }
}
