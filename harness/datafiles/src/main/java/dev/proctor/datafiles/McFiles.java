package dev.proctor.datafiles;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.mc.Item;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Loads a file of multiple-choice rows into {@link Item}s, in file order. The three layouts every task
 * uses live here: CSV with a header row (CMMLU, the bundled suite, custom tasks), CSV without one (MMLU)
 * and JSON Lines (M3KE). A file with no rows is an error, as is a row of the wrong width.
 */
public final class McFiles {
    private McFiles() {
    }

    /**
     * CSV whose first record names the columns; other columns (such as CMMLU's row index) are ignored. Under
     * {@link GoldPolicy#OPTIONAL} the answer column may be absent altogether (C-Eval's test files).
     */
    public static List<Item> readCsvWithHeader(Path file, McColumns columns, String subject, Split split,
                                               GoldPolicy gold) {
        List<CsvRecord> records = CsvReader.read(file);
        if (records.isEmpty()) {
            throw new DataFormatException(file, 0, "expected a header row with the columns "
                    + String.join(", ", columns.required()) + ", found an empty file");
        }
        CsvRecord header = records.get(0);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i), i);
        }
        if (gold == GoldPolicy.OPTIONAL) {
            byName.putIfAbsent(columns.answer(), -1);
        }
        List<String> missing = columns.required().stream().filter(c -> !byName.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new DataFormatException(file, header.source().line(), "expected a header row with the columns "
                    + String.join(", ", columns.required()) + ", found '" + String.join(",", header.values())
                    + "' (missing " + String.join(", ", missing) + ")");
        }
        return rows(records.subList(1, records.size()), header.size(),
                "as in the header on line " + header.source().line(),
                resolve(columns, byName::get), columns.answerFormat(), subject, split, gold, file);
    }

    /**
     * Items read from a CSV with a header, each given the value of one more column of its row (matched by line), where
     * the file has that column; as they are where it has not.
     */
    public static List<Item> withColumn(Path file, String column, List<Item> items, BiFunction<Item, String, Item> with) {
        List<CsvRecord> records = CsvReader.read(file);
        int index = records.isEmpty() ? -1 : records.get(0).values().indexOf(column);
        if (index < 0) {
            return items;
        }
        Map<Long, String> byLine = new HashMap<>();
        for (CsvRecord r : records.subList(1, records.size())) {
            byLine.put(r.source().line(), index < r.size() ? r.get(index) : "");
        }
        List<Item> out = new ArrayList<>(items.size());
        for (Item item : items) {
            out.add(with.apply(item, byLine.get(item.source().line())));
        }
        return out;
    }

    /** CSV without a header: {@code columns} holds 0-based positions; every row is as wide as the first. */
    public static List<Item> readCsvWithoutHeader(Path file, McColumns columns, String subject, Split split,
                                                  GoldPolicy gold) {
        List<CsvRecord> records = CsvReader.read(file);
        if (records.isEmpty()) {
            throw new DataFormatException(file, 0, "expected rows of " + String.join(", ", columns.required())
                    + ", found an empty file");
        }
        Columns positions = resolve(columns, McFiles::position);
        CsvRecord first = records.get(0);
        if (first.size() <= positions.widest()) {
            throw new DataFormatException(file, first.source().line(), "expected at least "
                    + (positions.widest() + 1) + " columns, found " + first.size());
        }
        return rows(records, first.size(), "as on line " + first.source().line(), positions,
                columns.answerFormat(), subject, split, gold, file);
    }

    /**
     * JSON Lines, one object per row, {@code columns} naming the keys. When {@code columns.choices()} is a
     * single key whose value is an array, the array's elements are the choices ({@code "choices": [...]}).
     */
    public static List<Item> readJsonLines(Path file, McColumns columns, String subject, Split split,
                                           GoldPolicy gold) {
        List<JsonLine> lines = JsonLinesReader.read(file);
        if (lines.isEmpty()) {
            throw new DataFormatException(file, 0, "expected JSON objects with the keys "
                    + String.join(", ", columns.required()) + ", found an empty file");
        }
        List<Item> items = new ArrayList<>(lines.size());
        for (JsonLine line : lines) {
            SourceLine source = line.source();
            JsonNode object = line.object();
            String question = text(object, columns.question(), source, true);
            List<String> choices = new ArrayList<>();
            JsonNode only = columns.choices().size() == 1 ? object.get(columns.choices().get(0)) : null;
            if (only != null && only.isArray()) {
                for (int i = 0; i < only.size(); i++) {
                    choices.add(scalar(only.get(i), columns.choices().get(0) + "[" + i + "]", source));
                }
            } else {
                for (String key : columns.choices()) {
                    choices.add(text(object, key, source, true));
                }
            }
            String answer = text(object, columns.answer(), source, false);
            items.add(McItems.item(subject, split, items.size(), source, question, choices, answer,
                    columns.answerFormat(), gold));
        }
        return items;
    }

    private static List<Item> rows(List<CsvRecord> records, int width, String widthOrigin, Columns at,
                                   AnswerFormat format, String subject, Split split, GoldPolicy gold, Path file) {
        if (records.isEmpty()) {
            throw new DataFormatException(file, 0, "expected at least one row after the header, found none");
        }
        List<Item> items = new ArrayList<>(records.size());
        for (CsvRecord record : records) {
            if (record.size() != width) {
                throw new DataFormatException(file, record.source().line(),
                        "expected " + width + " columns (" + widthOrigin + "), found " + record.size());
            }
            List<String> choices = new ArrayList<>(at.choices().length);
            for (int c : at.choices()) {
                choices.add(record.get(c));
            }
            items.add(McItems.item(subject, split, items.size(), record.source(), record.get(at.question()),
                    choices, at.answer() < 0 ? null : record.get(at.answer()), format, gold));
        }
        return items;
    }

    private record Columns(int question, int[] choices, int answer) {
        int widest() {
            int max = Math.max(question, answer);
            for (int c : choices) {
                max = Math.max(max, c);
            }
            return max;
        }
    }

    private static Columns resolve(McColumns columns, java.util.function.Function<String, Integer> index) {
        return new Columns(index.apply(columns.question()),
                columns.choices().stream().mapToInt(index::apply).toArray(),
                index.apply(columns.answer()));
    }

    private static int position(String column) {
        try {
            int p = Integer.parseInt(column.strip());
            if (p >= 0) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("a CSV file without a header names its columns by 0-based position;"
                + " '" + column + "' is not a position");
    }

    private static String text(JsonNode object, String key, SourceLine source, boolean required) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw new DataFormatException(source.file(), source.line(),
                        "expected a key \"" + key + "\", found keys " + fieldNames(object));
            }
            return null;
        }
        return scalar(value, key, source);
    }

    private static String scalar(JsonNode value, String key, SourceLine source) {
        if (!value.isValueNode() || value.isNull()) {
            throw new DataFormatException(source.file(), source.line(),
                    "expected a string for \"" + key + "\", found " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value.asText();
    }

    private static String fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }
}
