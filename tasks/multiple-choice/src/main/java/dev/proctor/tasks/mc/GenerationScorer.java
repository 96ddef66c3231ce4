package dev.proctor.tasks.mc;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
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
 * their ids unless the intersection is asked for (then counted and reported).
 */
public final class GenerationScorer {
    /** How many stray ids a refusal names. */
    private static final int NAMED = 10;

    /** One scored item: the letter read (absent: none) and whether it is the gold one. */
    public record ItemResult(String id, Optional<String> extracted, String gold, boolean correct) {
    }

    /**
     * The scores: accuracy over {@code n} items, the share with no letter read, and what was left out of the
     * intersection (always 0 unless asked for).
     */
    public record Result(AnswerRule rule, int n, double accuracy, double noAnswer, List<ItemResult> items,
                         int goldWithoutPrediction, int predictionsWithoutGold) {
    }

    private GenerationScorer() {
    }

    public static Result score(Path gold, Path predictions, AnswerRule rule, List<String> letters,
                               boolean intersection) {
        Map<String, String> answers = read(gold, "answer", letters);
        Map<String, String> generations = read(predictions, "generation", null);
        List<String> unpredicted = answers.keySet().stream().filter(id -> !generations.containsKey(id)).toList();
        List<String> ungolded = generations.keySet().stream().filter(id -> !answers.containsKey(id)).toList();
        if (!intersection && !(unpredicted.isEmpty() && ungolded.isEmpty())) {
            throw new ProctorException(stray(unpredicted, "gold items have no prediction in " + predictions)
                    + stray(ungolded, "predictions have no gold item in " + gold)
                    + "the official scorers drop these silently; score only the ids in both with --intersection");
        }
        List<ItemResult> items = new ArrayList<>();
        int correct = 0;
        int none = 0;
        for (Map.Entry<String, String> e : answers.entrySet()) {
            String generation = generations.get(e.getKey());
            if (generation == null) {
                continue;
            }
            Optional<String> read = rule.extract(generation, letters).map(letters::get);
            boolean right = read.isPresent() && read.get().equals(e.getValue());
            correct += right ? 1 : 0;
            none += read.isEmpty() ? 1 : 0;
            items.add(new ItemResult(e.getKey(), read, e.getValue(), right));
        }
        if (items.isEmpty()) {
            throw new ProctorException("no id is in both " + gold + " and " + predictions + ": nothing to score");
        }
        return new Result(rule, items.size(), (double) correct / items.size(), (double) none / items.size(), items,
                unpredicted.size(), ungolded.size());
    }

    private static String stray(List<String> ids, String what) {
        if (ids.isEmpty()) {
            return "";
        }
        return ids.size() + " " + what + " (" + String.join(", ", ids.subList(0, Math.min(NAMED, ids.size())))
                + (ids.size() > NAMED ? ", ..." : "") + "); ";
    }

    /** id → the string field, in file order; a duplicate id, a missing field or (for gold) a non-letter is refused. */
    private static Map<String, String> read(Path file, String field, List<String> letters) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonLine line : JsonLinesReader.read(file)) {
            String id = text(line, "id");
            String value = text(line, field);
            if (letters != null && !letters.contains(value)) {
                throw new DataFormatException(file, line.source().line(), "expected \"" + field + "\" to be one of "
                        + String.join(", ", letters) + ", found '" + value + "'");
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
