package dev.proctor.tasks.mgt.detect;

import dev.proctor.api.metric.Aggregation;
import dev.proctor.api.metric.CorpusMetric;
import dev.proctor.api.metric.LastDraw;
import dev.proctor.api.metric.MetricSpec;
import dev.proctor.api.metric.Metrics;
import dev.proctor.api.task.ItemScore;
import dev.proctor.classification.ClassificationMetrics;
import dev.proctor.classification.ClassificationOptions;
import dev.proctor.classification.ClassificationReport;
import dev.proctor.classification.Label;
import dev.proctor.classification.PrecisionRecallF1;
import dev.proctor.classification.RocCurve;
import dev.proctor.classification.ZeroDivision;
import dev.proctor.tasks.mgt.data.Subtask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The MGT tasks' metrics, computed as the SemEval-2024 Task 8 scorer computes them with scikit-learn 1.2.1: accuracy
 * (the main score of A and B) per item; macro- and micro-F1, per-class precision, recall and F1 with
 * {@code zero_division} (0 by default, the final scorer's) and labels not passed (those present in gold or
 * predictions), AUROC and TPR at 1% FPR on the machine score (subtask A) on whole sets; MAE (subtask C) per item.
 * Each subject's results.json row also gets the confusion matrix, per-class table and ROC points.
 */
public final class MgtMetrics {
    private static final Label MACHINE = Label.of(1);

    private MgtMetrics() {
    }

    public static Metrics of(Subtask subtask, ZeroDivision zeroDivision) {
        if (!subtask.classifies()) {
            return Metrics.means(ItemValues.MAE, List.of(MetricSpec.mean(ItemValues.MAE, false,
                    "mean absolute error of the predicted boundary word (SemEval-2024 Task 8 subtask C)")));
        }
        ClassificationOptions options = ClassificationOptions.defaults().withZeroDivision(zeroDivision);
        // every corpus metric of a draw reads one report (the scored one builds the ROC curve, the costly part)
        Reports reports = new Reports(new LastDraw<>(items -> report(items, options, false)),
                new LastDraw<>(items -> report(items, options, true)));
        List<MetricSpec> specs = new ArrayList<>();
        Map<String, CorpusMetric> corpus = new LinkedHashMap<>();
        specs.add(MetricSpec.accuracy(ItemValues.ACC, "accuracy_score (the official ranking measure)"));
        corpus(specs, corpus, "macro_f1", "f1_score(average='macro', zero_division=" + zeroDivision.id() + ")",
                reports, false, ClassificationReport::macroF1);
        corpus(specs, corpus, "micro_f1", "f1_score(average='micro', zero_division=" + zeroDivision.id() + ")",
                reports, false, ClassificationReport::microF1);
        if (subtask == Subtask.A) {
            corpus(specs, corpus, ClassificationReport.AUROC, "roc_auc_score of the machine score; undefined with"
                    + " one class present", reports, true, ClassificationReport::auroc);
            corpus(specs, corpus, ClassificationReport.TPR_AT_1PCT_FPR, "the ROC curve's true positive rate at the"
                    + " largest false positive rate not above 1%", reports, true, ClassificationReport::tprAt1pctFpr);
        }
        for (int k = 0; k < subtask.classes(); k++) {
            int label = k;
            corpus(specs, corpus, "f1_" + k, "F1 of class " + k + " (zero_division=" + zeroDivision.id() + ")",
                    reports, false,
                    r -> classScores(r, label).map(PrecisionRecallF1.ClassScores::f1).orElse(Double.NaN));
        }
        return new Metrics(ItemValues.ACC, specs, corpus, Optional.of(items -> figures(items, options, subtask)));
    }

    private static void corpus(List<MetricSpec> specs, Map<String, CorpusMetric> corpus, String name,
                               String description, Reports reports, boolean needsScores,
                               Function<ClassificationReport, Double> read) {
        specs.add(new MetricSpec(name, Aggregation.CORPUS, true, false, description));
        corpus.put(name, items -> read.apply((needsScores ? reports.scored() : reports.plain()).get(items)));
    }

    /** The report of the last draw, without and with the machine scores. */
    private record Reports(LastDraw<ClassificationReport> plain, LastDraw<ClassificationReport> scored) {
    }

    private static Optional<PrecisionRecallF1.ClassScores> classScores(ClassificationReport r, int label) {
        return r.scores().perClass().stream().filter(c -> c.label().equals(Label.of(label))).findFirst();
    }

    static ClassificationReport report(List<ItemScore> items, ClassificationOptions options, boolean withScores) {
        List<Label> gold = new ArrayList<>(items.size());
        List<Label> predicted = new ArrayList<>(items.size());
        double[] scores = new double[items.size()];
        boolean scored = withScores && !items.isEmpty();
        for (int i = 0; i < items.size(); i++) {
            ItemScore s = items.get(i);
            gold.add(Label.of((long) s.value(ItemValues.GOLD)));
            predicted.add(Label.of((long) s.value(ItemValues.PRED)));
            Double score = s.values().get(ItemValues.SCORE);
            scored &= score != null;
            scores[i] = score == null ? Double.NaN : score;
        }
        // a resample (or a set) with no machine text, gold or predicted, has no positive class: AUROC is undefined
        // there as for any one-class gold, and the report says so below
        boolean machinePresent = gold.contains(MACHINE) || predicted.contains(MACHINE);
        scored &= machinePresent;
        ClassificationOptions o = scored ? options.withPositive(MACHINE) : options;
        return ClassificationMetrics.evaluate(gold, predicted, scored ? scores : null, o);
    }

    private static Map<String, Object> figures(List<ItemScore> items, ClassificationOptions options, Subtask subtask) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return m;
        }
        ClassificationReport r = report(items, options, true);
        List<String> labels = r.labels().stream().map(Label::text).toList();
        Map<String, Object> confusion = new LinkedHashMap<>();
        confusion.put("labels", labels);
        confusion.put("rowsAre", "gold");
        confusion.put("counts", r.confusion().counts());
        m.put("confusionMatrix", confusion);
        List<Map<String, Object>> perClass = new ArrayList<>();
        for (PrecisionRecallF1.ClassScores c : r.scores().perClass()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", c.label().text());
            row.put("precision", c.precision());
            row.put("recall", c.recall());
            row.put("f1", c.f1());
            row.put("support", c.support());
            perClass.add(row);
        }
        m.put("perClass", perClass);
        if (subtask == Subtask.A && Double.isFinite(r.auroc())) {
            boolean[] positive = new boolean[items.size()];
            double[] scores = new double[items.size()];
            for (int i = 0; i < items.size(); i++) {
                positive[i] = items.get(i).value(ItemValues.GOLD) == 1;
                scores[i] = items.get(i).value(ItemValues.SCORE);
            }
            RocCurve roc = RocCurve.of(positive, scores, true);
            Map<String, Object> points = new LinkedHashMap<>();
            points.put("fpr", roc.fpr());
            points.put("tpr", roc.tpr());
            points.put("thresholds", roc.thresholds());
            points.put("positive", "1 (machine)");
            m.put("roc", points);
        } else if (subtask == Subtask.A) {
            m.put("roc", null);
            m.put("rocUndefined", "gold holds one class only");
        }
        return m;
    }
}
