package dev.proctor.cli.detection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.classification.ClassificationMetrics;
import dev.proctor.classification.ClassificationOptions;
import dev.proctor.classification.ClassificationReport;
import dev.proctor.classification.Label;
import dev.proctor.classification.PrecisionRecallF1;
import dev.proctor.classification.PredictionFiles;
import dev.proctor.classification.ZeroDivision;
import dev.proctor.cli.ScoreJson;
import dev.proctor.core.report.JsonValues;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code proctor score classification}: labels predicted by any system scored against gold exactly as
 * scikit-learn 1.2.1 scores them (accuracy, per-class and averaged precision/recall/F1 with an explicit
 * zero_division, MCC, AUROC and TPR at 1% FPR from the positive class's scores), or, with {@code --metric mae}, word
 * positions scored by mean absolute error as SemEval-2024 Task 8 subtask C does.
 */
@Command(name = "classification", mixinStandardHelpOptions = true,
        description = "Score predicted labels (PRED: {\"id\", \"label\"} lines, optionally \"score\": the positive"
                + " class's score) against gold ({\"id\", \"label\"} lines) as scikit-learn 1.2.1 does.")
public final class ScoreClassificationCommand implements Callable<Integer> {
    private static final List<String> METRICS = List.of("classification", "mae");

    @Option(names = "--gold", required = true, paramLabel = "GOLD.jsonl", description = "Gold labels.")
    Path gold;

    @Option(names = "--pred", required = true, paramLabel = "PRED.jsonl", description = "Predicted labels.")
    Path predictions;

    @Option(names = "--metric", defaultValue = "classification", paramLabel = "METRIC",
            description = "classification (default), or mae: labels are word positions (SemEval-2024 Task 8"
                    + " subtask C), scored by mean absolute error.")
    String metric;

    @Option(names = "--zero-division", paramLabel = "VALUE",
            description = "What a 0/0 precision or recall becomes: 0 (default; the SemEval-2024 Task 8 final"
                    + " scorer's), 1, or warn (sklearn's default, which acts as 0).")
    String zeroDivision;

    @Option(names = "--labels", split = ",", paramLabel = "LABEL",
            description = "The labels to report and average over, in order (sklearn's labels=). Default: the"
                    + " sorted union of gold and predicted labels.")
    List<String> labels;

    @Option(names = "--positive", paramLabel = "LABEL",
            description = "The class the scores are for. Default: the greater of two labels, as roc_auc_score"
                    + " takes it.")
    String positive;

    @Option(names = "--intersection", description = "Score only the ids in both files, as the official scorer"
            + " does silently (the numbers left out are reported); default: refuse, naming them.")
    boolean intersection;

    @Option(names = "--json", description = "Print JSON: every metric, per class, inputs' SHA-256.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        switch (metric.strip().toLowerCase(Locale.ROOT)) {
            case "classification" -> classification(out);
            case "mae" -> meanAbsoluteError(out);
            default -> throw new UnknownNameException("--metric", metric, METRICS);
        }
        out.flush();
        return 0;
    }

    private void classification(PrintWriter out) {
        PredictionFiles.Joined joined = PredictionFiles.read(gold, predictions, PredictionFiles.LabelKind.CLASS,
                intersection);
        boolean integers = joined.gold().get(0).isInteger();
        ClassificationOptions options = ClassificationOptions.defaults()
                .withZeroDivision(ZeroDivision.parse(zeroDivision == null ? "0" : zeroDivision));
        if (labels != null) {
            options = options.withLabels(labels.stream().map(l -> label("--labels", l, integers)).toList());
        }
        if (positive != null) {
            options = options.withPositive(label("--positive", positive, integers));
        }
        ClassificationReport r = ClassificationMetrics.evaluate(joined.gold(), joined.predicted(), joined.scores(),
                options);
        if (json) {
            ObjectNode root = header("classification");
            classificationJson(root, r);
            leftOut(root, joined);
            print(out, root);
        } else {
            out.print(ClassificationText.render(r, leftOutText(joined)));
        }
    }

    private void meanAbsoluteError(PrintWriter out) {
        if (labels != null || positive != null || zeroDivision != null) {
            throw new ProctorException("--labels, --positive and --zero-division apply to --metric classification,"
                    + " not to mae");
        }
        PredictionFiles.Joined joined = PredictionFiles.read(gold, predictions, PredictionFiles.LabelKind.POSITION,
                intersection);
        double mae = ClassificationMetrics.meanAbsoluteError(joined.goldPositions(), joined.predictedPositions());
        if (json) {
            ObjectNode root = header("mae");
            root.put("n", joined.n());
            root.put("mae", mae);
            leftOut(root, joined);
            print(out, root);
        } else {
            out.printf(Locale.ROOT, "mean absolute error of word positions %.5f over %d items%s%n", mae, joined.n(),
                    leftOutText(joined));
        }
    }

    private static Label label(String option, String text, boolean integers) {
        try {
            return Label.parse(text, integers);
        } catch (IllegalArgumentException e) {
            throw new ProctorException(option + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode header(String metricName) {
        ObjectNode root = ScoreJson.root("score classification");
        root.put("metric", metricName);
        ObjectNode inputs = root.putObject("inputs");
        ScoreJson.input(inputs, "gold", gold);
        ScoreJson.input(inputs, "pred", predictions);
        root.put("intersection", intersection);
        return root;
    }

    private static void classificationJson(ObjectNode root, ClassificationReport r) {
        root.put("n", r.n());
        addAll(root.putArray("labels"), r.labels());
        root.put("labels_source", r.labelsGiven() ? "given (--labels)"
                : "sorted union of gold and predicted labels (sklearn's default)");
        root.put("zero_division", r.scores().zeroDivision().id());
        root.put("accuracy", r.accuracy());
        root.put("macro_f1", r.macroF1());
        root.put("micro_f1", r.microF1());
        root.put("weighted_f1", r.scores().weighted().f1());
        root.put("mcc", r.mcc());
        ObjectNode undefined = JsonValues.MAPPER.createObjectNode();
        JsonValues.number(root, ClassificationReport.AUROC, r.auroc(), r.undefined(), undefined);
        JsonValues.number(root, ClassificationReport.TPR_AT_1PCT_FPR, r.tprAt1pctFpr(), r.undefined(), undefined);
        r.positive().ifPresentOrElse(p -> add(root, "positive_label", p), () -> root.putNull("positive_label"));
        averages(root.putObject("averages"), r.scores());
        ObjectNode perClass = root.putObject("per_class");
        for (PrecisionRecallF1.ClassScores c : r.scores().perClass()) {
            perClass.putObject(c.label().text()).put("precision", c.precision()).put("recall", c.recall())
                    .put("f1", c.f1()).put("support", c.support());
        }
        ObjectNode zero = root.putObject("zero_division_applied");
        addAll(zero.putArray("precision"), r.scores().precisionZeroDivided());
        addAll(zero.putArray("recall"), r.scores().recallZeroDivided());
        ObjectNode confusion = root.putObject("confusion_matrix");
        addAll(confusion.putArray("labels"), r.confusion().labels());
        ArrayNode rows = confusion.putArray("rows_gold_cols_pred");
        for (long[] row : r.confusion().counts()) {
            ArrayNode a = rows.addArray();
            for (long count : row) {
                a.add(count);
            }
        }
        if (!undefined.isEmpty()) {
            root.set("undefined", undefined);
        }
    }

    private static void averages(ObjectNode node, PrecisionRecallF1.Result s) {
        scores(node.putObject("macro"), s.macro());
        scores(node.putObject("micro"), s.micro());
        scores(node.putObject("weighted"), s.weighted());
    }

    private static void scores(ObjectNode node, PrecisionRecallF1.Scores s) {
        node.put("precision", s.precision()).put("recall", s.recall()).put("f1", s.f1());
    }

    /** Labels as the files write them: integers as numbers, strings as strings. */
    private static void addAll(ArrayNode array, List<Label> labels) {
        for (Label label : labels) {
            if (label instanceof Label.Int i) {
                array.add(i.value());
            } else {
                array.add(label.text());
            }
        }
    }

    private static void add(ObjectNode node, String field, Label label) {
        if (label instanceof Label.Int i) {
            node.put(field, i.value());
        } else {
            node.put(field, label.text());
        }
    }

    private void leftOut(ObjectNode root, PredictionFiles.Joined joined) {
        if (intersection) {
            root.putObject("leftOut").put("goldWithoutPrediction", joined.goldWithoutPrediction())
                    .put("predictionsWithoutGold", joined.predictionsWithoutGold());
        }
    }

    private String leftOutText(PredictionFiles.Joined joined) {
        return intersection ? String.format(Locale.ROOT, " (left out: %d gold items without a prediction,"
                + " %d predictions without gold)", joined.goldWithoutPrediction(), joined.predictionsWithoutGold())
                : "";
    }

    private static void print(PrintWriter out, ObjectNode root) {
        try {
            out.println(JsonValues.MAPPER.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report as text: the headline numbers, then one row per class. */
    private static final class ClassificationText {
        private ClassificationText() {
        }

        static String render(ClassificationReport r, String leftOut) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%d items%s; labels %s; zero_division=%s%n", r.n(), leftOut,
                    r.labels().stream().map(Label::text).collect(Collectors.joining(", ")),
                    r.scores().zeroDivision().id()));
            b.append(String.format(Locale.ROOT, "accuracy %.4f  macro-F1 %.4f  micro-F1 %.4f  weighted-F1 %.4f"
                    + "  MCC %.4f%n", r.accuracy(), r.macroF1(), r.microF1(), r.scores().weighted().f1(), r.mcc()));
            b.append(number("AUROC", r.auroc(), r.undefined().get(ClassificationReport.AUROC)));
            b.append(number("TPR at 1% FPR", r.tprAt1pctFpr(), r.undefined().get(ClassificationReport.TPR_AT_1PCT_FPR)));
            r.positive().ifPresent(p -> b.append("positive label ").append(p.text()).append('\n'));
            b.append(String.format(Locale.ROOT, "%-16s %9s %9s %9s %9s%n", "label", "precision", "recall", "f1",
                    "support"));
            for (PrecisionRecallF1.ClassScores c : r.scores().perClass()) {
                b.append(String.format(Locale.ROOT, "%-16s %9.4f %9.4f %9.4f %9d%n", c.label().text(), c.precision(),
                        c.recall(), c.f1(), c.support()));
            }
            return b.toString();
        }

        private static String number(String name, double value, String undefinedBecause) {
            return Double.isFinite(value) ? String.format(Locale.ROOT, "%s %.4f%n", name, value)
                    : name + " undefined: " + undefinedBecause + "\n";
        }
    }
}
