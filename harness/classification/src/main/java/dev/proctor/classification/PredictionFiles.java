package dev.proctor.classification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.SourceLine;
import dev.proctor.datafiles.IdJoin;
import dev.proctor.datafiles.JsonLine;
import dev.proctor.datafiles.JsonLinesReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gold and predictions from JSON Lines files, joined by id: gold lines {@code {"id", "label"}}, prediction lines
 * {@code {"id", "label"}} and, on every line or on none, {@code "score"}: the positive class's score. The official
 * SemEval-2024 Task 8 scorers join with an inner merge, so a prediction without gold and a gold item without a
 * prediction are silently left out; here both are refused, naming ids, unless only the ids in both are asked for
 * (then counted). Any other problem is refused with the file and line: a line that is not a JSON object, a missing
 * id or label, an id twice, a label that is neither an integer nor a string (or, for positions, not an integer),
 * integer and string labels mixed, a score that is not a finite number, a score on some lines but not others.
 */
public final class PredictionFiles {
    /** What a label is. */
    public enum LabelKind {
        /** A class: an integer or a string. */
        CLASS,
        /** A word position (SemEval subtask C): an integer. */
        POSITION
    }

    /**
     * The items in both files, in gold order.
     *
     * @param scores                 the predictions' scores, or null when they have none
     * @param goldWithoutPrediction  gold items left out for want of a prediction (0 unless the intersection was
     *                               asked for)
     * @param predictionsWithoutGold predictions left out for want of a gold item (likewise)
     */
    public record Joined(List<String> ids, List<Label> gold, List<Label> predicted, double[] scores,
                         int goldWithoutPrediction, int predictionsWithoutGold) {
        public Joined {
            ids = List.copyOf(ids);
            gold = List.copyOf(gold);
            predicted = List.copyOf(predicted);
            scores = scores == null ? null : scores.clone();
        }

        @Override
        public double[] scores() {
            return scores == null ? null : scores.clone();
        }

        public int n() {
            return ids.size();
        }

        /** The labels as positions; only for files read as {@link LabelKind#POSITION}. */
        public long[] goldPositions() {
            return positions(gold);
        }

        public long[] predictedPositions() {
            return positions(predicted);
        }

        private static long[] positions(List<Label> labels) {
            return labels.stream().mapToLong(l -> ((Label.Int) l).value()).toArray();
        }
    }

    /** One line read: its label and its score (NaN for none). */
    private record Entry(Label label, double score, boolean scored) {
    }

    private PredictionFiles() {
    }

    /**
     * Reads and joins the two files.
     *
     * @param intersection score only the ids in both files instead of refusing strays
     */
    public static Joined read(Path gold, Path predictions, LabelKind kind, boolean intersection) {
        KindCheck kinds = new KindCheck();
        Map<String, Entry> truth = read(gold, kind, kinds, false);
        Map<String, Entry> predicted = read(predictions, kind, kinds, true);
        IdJoin join = IdJoin.of(gold, truth.keySet(), predictions, predicted.keySet(), intersection,
                "the official scorer leaves these out silently");
        List<Label> goldLabels = new ArrayList<>();
        List<Label> predictedLabels = new ArrayList<>();
        double[] scores = new double[join.ids().size()];
        boolean scored = false;
        for (int i = 0; i < scores.length; i++) {
            Entry p = predicted.get(join.ids().get(i));
            goldLabels.add(truth.get(join.ids().get(i)).label());
            predictedLabels.add(p.label());
            scores[i] = p.score();
            scored = p.scored();
        }
        return new Joined(join.ids(), goldLabels, predictedLabels, scored ? scores : null,
                join.goldWithoutPrediction(), join.predictionsWithoutGold());
    }

    private static Map<String, Entry> read(Path file, LabelKind kind, KindCheck kinds, boolean withScores) {
        Map<String, Entry> out = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        SourceLine firstScored = null;
        SourceLine firstUnscored = null;
        for (JsonLine line : JsonLinesReader.read(file)) {
            SourceLine at = line.source();
            String id = line.id();
            Label label = label(line, kind);
            kinds.check(label, at);
            double score = Double.NaN;
            boolean scored = withScores && line.object().has("score");
            if (scored) {
                score = score(line);
                firstScored = firstScored == null ? at : firstScored;
            } else {
                firstUnscored = firstUnscored == null ? at : firstUnscored;
            }
            if (firstScored != null && firstUnscored != null) {
                throw new DataFormatException(file, at.line(), scored
                        ? "this prediction has a \"score\" but the one at line " + firstUnscored.line() + " has none"
                        + ": give every prediction a score, or none"
                        : "this prediction has no \"score\" but the one at line " + firstScored.line() + " has one"
                        + ": give every prediction a score, or none");
            }
            Long earlier = firstLine.putIfAbsent(id, at.line());
            if (earlier != null) {
                throw new DataFormatException(file, at.line(), "id '" + id + "' appears twice (first at line "
                        + earlier + ")");
            }
            out.put(id, new Entry(label, score, scored));
        }
        return out;
    }

    private static Label label(JsonLine line, LabelKind kind) {
        JsonNode node = line.required("label");
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Label.of(node.longValue());
        }
        if (kind == LabelKind.CLASS && node.isTextual()) {
            return Label.of(node.textValue());
        }
        throw line.problem(kind == LabelKind.CLASS
                ? "expected \"label\" to be an integer or a string, found " + node
                : "expected \"label\" to be an integer word position, found " + node);
    }

    private static double score(JsonLine line) {
        JsonNode node = line.object().get("score");
        if (!node.isNumber()) {
            throw line.problem("expected \"score\" to be a finite number, found " + node);
        }
        if (!Double.isFinite(node.asDouble())) {
            throw line.problem("expected \"score\" to be a finite number, found one beyond a double's range");
        }
        return node.asDouble();
    }

    /** Labels must all be integers or all strings across both files: sklearn refuses a mix. */
    private static final class KindCheck {
        private Label first;
        private SourceLine firstAt;

        void check(Label label, SourceLine at) {
            if (first == null) {
                first = label;
                firstAt = at;
            } else if (first.isInteger() != label.isInteger()) {
                throw new DataFormatException(at.file(), at.line(), "label " + label + " is "
                        + (label.isInteger() ? "an integer" : "a string") + " but " + firstAt + " has " + first
                        + ": labels must be all integers or all strings (scikit-learn refuses a mix)");
            }
        }
    }
}
