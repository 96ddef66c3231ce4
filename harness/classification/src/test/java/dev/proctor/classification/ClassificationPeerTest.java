package dev.proctor.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.testkit.SharedFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public classification case in ../shared/peers (classification_peer.py on scikit-learn 1.2.1) reproduced to
 * {@value #EXACT} on every key its output file holds. The peer writes an undefined metric as null with sklearn's error
 * under {@code warnings_or_errors}; Proctor gives NaN with a reason that quotes that error.
 */
class ClassificationPeerTest {
    static final double EXACT = 1e-12;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every key an output file may hold; a new one fails the test until it is checked here too. */
    private static final Set<String> CHECKED = Set.of("peer", "versions", "n", "labels", "labels_source", "accuracy",
            "zero_division_0", "zero_division_1", "semeval2024_task8_scorer", "confusion_matrix", "mcc",
            "binary_pos_label", "auroc", "auroc_mannwhitney_check", "warnings_or_errors");

    /** Values compared in the running case, and those not equal to the last bit (reported, not failed). */
    private static int compared;
    private static final List<String> notBitExact = new ArrayList<>();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cls_all_same_class", "cls_all_same_class_explicit_labels", "cls_auc_ties",
            "cls_binary_random", "cls_n1", "cls_string_labels"})
    void reproducesThePeersCase(String name) throws IOException {
        compared = 0;
        notBitExact.clear();
        JsonNode in = JSON.readTree(SharedFolder.require("peers/" + name + ".input.json").toFile());
        JsonNode out = JSON.readTree(SharedFolder.require("peers/" + name + ".output.json").toFile());
        Set<String> keys = new TreeSet<>();
        out.fieldNames().forEachRemaining(keys::add);
        assertTrue(CHECKED.containsAll(keys), "unchecked keys in " + name + ": " + keys);
        assertEquals("classification", out.get("peer").asText());
        assertEquals("1.2.1", out.at("/versions/sklearn").asText(), "the conventions reproduced are sklearn 1.2.1's");

        List<Label> gold = labels(in.get("y_true"));
        List<Label> predicted = labels(in.get("y_pred"));
        double[] scores = in.has("y_score") ? doubles(in.get("y_score")) : null;
        Label pos = label(in.get("pos_label"));
        ClassificationOptions options = ClassificationOptions.defaults().withPositive(pos);
        if (in.has("labels")) {
            options = options.withLabels(labels(in.get("labels")));
        }
        for (ZeroDivision z : List.of(ZeroDivision.ZERO, ZeroDivision.ONE)) {
            ClassificationReport r = ClassificationMetrics.evaluate(gold, predicted, scores,
                    options.withZeroDivision(z));
            String where = name + " zero_division=" + z.id();
            assertEquals(out.get("n").asInt(), r.n(), where);
            assertEquals(labels(out.get("labels")), r.labels(), where);
            assertEquals(out.get("labels_source").asText().equals("given"), r.labelsGiven(), where);
            near(out.get("accuracy"), r.accuracy(), where + " accuracy");
            near(out.get("mcc"), r.mcc(), where + " mcc");
            checkPrf(out.get("zero_division_" + z.id()), r.scores(), where);
            checkConfusion(out.get("confusion_matrix"), r.confusion(), where);
            checkRanking(in, out, r, where);
        }
        // SemEval-2024 Task 8's final scorer: f1_score(average=macro|micro, zero_division=0), labels not passed
        ClassificationReport semeval = ClassificationMetrics.evaluate(gold, predicted, null,
                ClassificationOptions.defaults());
        JsonNode s = out.get("semeval2024_task8_scorer");
        near(s.get("macro_f1"), semeval.macroF1(), name + " semeval macro_f1");
        near(s.get("micro_f1"), semeval.microF1(), name + " semeval micro_f1");
        near(s.get("accuracy"), semeval.accuracy(), name + " semeval accuracy");
        // average='binary', pos_label: the positive class's row, with the default zero_division ("warn", as 0)
        JsonNode b = out.get("binary_pos_label");
        assertEquals(pos, label(b.get("pos_label")));
        PrecisionRecallF1.ClassScores positive = PrecisionRecallF1.of(ClassCounts.of(gold, predicted, List.of(pos)),
                ZeroDivision.WARN).perClass().get(0);
        near(b.get("precision"), positive.precision(), name + " binary precision");
        near(b.get("recall"), positive.recall(), name + " binary recall");
        near(b.get("f1"), positive.f1(), name + " binary f1");
        System.out.println(name + ": " + compared + " values within " + EXACT + ", " + (compared - notBitExact.size())
                + " bit for bit" + (notBitExact.isEmpty() ? "" : "; the others: " + notBitExact));
    }

    private static void checkPrf(JsonNode expected, PrecisionRecallF1.Result r, String where) {
        for (String average : List.of("macro", "micro", "weighted")) {
            PrecisionRecallF1.Scores s = switch (average) {
                case "macro" -> r.macro();
                case "micro" -> r.micro();
                default -> r.weighted();
            };
            JsonNode e = expected.get(average);
            near(e.get("precision"), s.precision(), where + " " + average + " precision");
            near(e.get("recall"), s.recall(), where + " " + average + " recall");
            near(e.get("f1"), s.f1(), where + " " + average + " f1");
        }
        JsonNode perClass = expected.get("per_class");
        assertEquals(perClass.size(), r.perClass().size(), where);
        for (PrecisionRecallF1.ClassScores c : r.perClass()) {
            JsonNode e = perClass.get(c.label().text());
            String at = where + " class " + c.label();
            near(e.get("precision"), c.precision(), at + " precision");
            near(e.get("recall"), c.recall(), at + " recall");
            near(e.get("f1"), c.f1(), at + " f1");
            assertEquals(e.get("support").asLong(), c.support(), at + " support");
        }
    }

    private static void checkConfusion(JsonNode expected, ConfusionMatrix m, String where) {
        assertEquals(labels(expected.get("labels")), m.labels(), where);
        long[][] counts = m.counts();
        JsonNode rows = expected.get("rows_true_cols_pred");
        assertEquals(rows.size(), counts.length, where);
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                assertEquals(rows.get(i).get(j).asLong(), counts[i][j], where + " confusion[" + i + "][" + j + "]");
            }
        }
    }

    /** AUROC, its Mann-Whitney check, and undefined values: null plus sklearn's error in the peer, NaN plus ours. */
    private static void checkRanking(JsonNode in, JsonNode out, ClassificationReport r, String where) {
        JsonNode errors = out.get("warnings_or_errors");
        if (!in.has("y_score")) {
            assertTrue(!out.has("auroc") && errors.isEmpty(), where + ": the peer computed no AUROC without scores");
            return;
        }
        JsonNode auroc = out.get("auroc");
        if (auroc.isNull()) {
            assertTrue(Double.isNaN(r.auroc()), where + " auroc is undefined: " + r.auroc());
            assertTrue(out.get("auroc_mannwhitney_check").isNull(), where);
            String sklearn = errors.get("auroc").get(0).asText().replaceFirst("^ValueError: ", "");
            String ours = r.undefined().get(ClassificationReport.AUROC);
            assertTrue(ours != null && ours.contains(sklearn), where + ": our reason " + ours + " quotes " + sklearn);
        } else {
            near(auroc, r.auroc(), where + " auroc");
            near(out.get("auroc_mannwhitney_check"), r.auroc(), where + " auroc vs Mann-Whitney U/(n1 n0)");
            assertTrue(errors.isEmpty() && r.undefined().isEmpty(), where + ": " + errors + " vs " + r.undefined());
        }
        assertEquals(Optional.of(label(in.get("pos_label"))), r.positive(), where);
    }

    private static void near(JsonNode expected, double actual, String what) {
        assertTrue(expected.isNumber(), what + ": expected a number in the peer file, found " + expected);
        assertEquals(expected.asDouble(), actual, EXACT, what);
        compared++;
        if (expected.asDouble() != actual) {
            notBitExact.add(what + " " + actual + " vs " + expected.asDouble());
        }
    }

    static List<Label> labels(JsonNode array) {
        List<Label> out = new ArrayList<>();
        array.forEach(n -> out.add(label(n)));
        return out;
    }

    static Label label(JsonNode node) {
        return node.isIntegralNumber() ? Label.of(node.longValue()) : Label.of(node.textValue());
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
