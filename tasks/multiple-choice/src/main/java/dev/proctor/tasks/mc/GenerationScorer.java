package dev.proctor.tasks.mc;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.datafiles.IdJoin;
import dev.proctor.datafiles.JsonLine;
import dev.proctor.datafiles.JsonLinesReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores generations made by any system against gold letters with a named {@link AnswerRule}: gold lines
 * {@code {"id", "answer"}}, prediction lines {@code {"id", "generation"}}. Every gold item needs a prediction and
 * every prediction a gold item: the official scorers silently drop both kinds of stray, here they are refused with
 * their ids unless the intersection is asked for (then counted and reported). For a benchmark whose questions may have
 * several answers, a gold answer is letters ({@code "ABD"}) and the letters read must equal it, order included, as
 * MMCU's script compares them.
 */
public final class GenerationScorer {
    /** One scored item: the letters read (absent: none), the random letter scored instead if any, and the verdict. */
    public record ItemResult(String id, Optional<String> extracted, String gold, boolean correct,
                             Optional<String> randomLetter) {
    }

    /**
     * The scores: accuracy over {@code n} items, the share with no letter read, what was left out of the
     * intersection (always 0 unless asked for), and how many gold answers were kept though no letters can equal them.
     */
    public record Result(AnswerRule rule, int n, double accuracy, double noAnswer, List<ItemResult> items,
                         int goldWithoutPrediction, int predictionsWithoutGold, NoAnswer unread, int badLabels) {
    }

    /**
     * How to score.
     *
     * @param intersection    score only the ids in both files
     * @param multipleAnswers gold answers may be several letters ({@code "ABD"}, MMCU)
     * @param keepBadLabels   with {@code multipleAnswers}: keep a gold answer that is not distinct letters ({@code
     *                        "ABFD"}, {@code "c"}) and score it as MMCU's script does, never correct; else refuse it
     * @param unread          what an answer the rule reads nothing in counts as
     */
    public record Options(boolean intersection, boolean multipleAnswers, boolean keepBadLabels, NoAnswer unread) {
    }

    private GenerationScorer() {
    }

    public static Result score(Path gold, Path predictions, AnswerRule rule, List<String> letters,
                               boolean intersection) {
        return score(gold, predictions, rule, letters, new Options(intersection, false, false, NoAnswer.wrong()));
    }

    public static Result score(Path gold, Path predictions, AnswerRule rule, List<String> letters, Options options) {
        boolean intersection = options.intersection();
        Map<String, String> answers = read(gold, "answer", new GoldCheck(letters, options));
        Map<String, String> generations = read(predictions, "generation", null);
        IdJoin join = IdJoin.of(gold, answers.keySet(), predictions, generations.keySet(), intersection,
                "the official scorers drop these silently");
        List<ItemResult> items = new ArrayList<>();
        int correct = 0;
        int none = 0;
        int bad = 0;
        for (String id : join.ids()) {
            String generation = generations.get(id);
            String answer = answers.get(id);
            Optional<String> read = rule.read(generation, letters);
            Optional<String> random = read.isEmpty() ? options.unread().letter(id, letters) : Optional.empty();
            boolean right = read.or(() -> random).filter(answer::equals).isPresent();
            correct += right ? 1 : 0;
            none += read.isEmpty() ? 1 : 0;
            bad += options.multipleAnswers() && !McTemplate.distinctLetters(answer, letters) ? 1 : 0;
            items.add(new ItemResult(id, read, answer, right, random));
        }
        return new Result(rule, items.size(), (double) correct / items.size(), (double) none / items.size(), items,
                join.goldWithoutPrediction(), join.predictionsWithoutGold(), options.unread(), bad);
    }

    /** Which gold answers are accepted: one letter; or, for several answers, distinct letters (or anything kept). */
    private record GoldCheck(List<String> letters, Options options) {
        /** What is wrong with a gold answer, as "expected ..., found ..."; null when it is accepted. */
        String problem(String field, String value) {
            String found = ", found '" + value + "'";
            if (!options.multipleAnswers()) {
                return letters.contains(value) ? null
                        : "expected \"" + field + "\" to be one of " + String.join(", ", letters) + found;
            }
            if (options.keepBadLabels() || McTemplate.distinctLetters(value, letters)) {
                return null;
            }
            return "expected \"" + field + "\" to be one or more distinct letters of " + String.join(", ", letters)
                    + " (several answers written together, as \"ABD\")" + found + "; --bad-labels never-correct keeps"
                    + " such an answer and scores it as MMCU's script does: never correct";
        }
    }

    /** id → the string field, in file order; a duplicate id, a missing field or (for gold) a non-letter is refused. */
    private static Map<String, String> read(Path file, String field, GoldCheck gold) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonLine line : JsonLinesReader.read(file)) {
            String id = text(line, "id");
            String value = text(line, field);
            String problem = gold == null ? null : gold.problem(field, value);
            if (problem != null) {
                throw new DataFormatException(file, line.source().line(), problem);
            }
            if (out.put(id, value) != null) {
                throw new DataFormatException(file, line.source().line(), "id '" + id + "' appears twice");
            }
        }
        return out;
    }

    private static String text(JsonLine line, String field) {
        var node = line.object().get(field);
        if (node == null || node.isNull()) {
            throw new DataFormatException(line.source().file(), line.source().line(), "expected a field \"" + field
                    + "\", found keys " + fieldNames(line));
        }
        if (!node.isTextual() && !(field.equals("id") && node.isIntegralNumber())) {
            throw new DataFormatException(line.source().file(), line.source().line(), "expected \"" + field
                    + "\" to be a string, found " + node);
        }
        return node.asText();
    }

    private static List<String> fieldNames(JsonLine line) {
        List<String> names = new ArrayList<>();
        line.object().fieldNames().forEachRemaining(names::add);
        return names;
    }
}
