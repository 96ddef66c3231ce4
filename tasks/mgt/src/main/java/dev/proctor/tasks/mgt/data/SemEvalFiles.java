package dev.proctor.tasks.mgt.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.api.DataFormatException;
import dev.proctor.datafiles.JsonLine;
import dev.proctor.datafiles.JsonLinesReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads a dataset's SemEval-2024 Task 8 files. A dataset folder holds them either flat
 * ({@code subtaskA_dev_monolingual.jsonl}) or as the task's repository lays them out
 * ({@code subtaskA/data/subtaskA_dev_monolingual.jsonl}). Every line needs {@code id}, {@code text} and an integer
 * {@code label} in the subtask's range; {@code model} and {@code source} are kept where present. Ids repeat nowhere
 * in a file.
 */
public final class SemEvalFiles {
    private SemEvalFiles() {
    }

    /** The file of a split, if the dataset has it, in either layout. */
    public static Optional<Path> find(Path dataset, Subtask subtask, String split, String track) {
        String name = subtask.fileName(split, track);
        for (Path candidate : List.of(dataset.resolve(name), dataset.resolve(subtask.prefix()).resolve("data")
                .resolve(name))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether the folder holds any file of the subtask. */
    public static boolean holds(Path dataset, Subtask subtask) {
        for (String split : List.of("train", "dev", "test")) {
            for (String track : Subtask.TRACKS) {
                if (find(dataset, subtask, split, track).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    public static List<MgtRow> read(Path file, Subtask subtask) {
        List<MgtRow> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (JsonLine line : JsonLinesReader.read(file)) {
            String id = line.id();
            Long earlier = seen.putIfAbsent(id, line.source().line());
            if (earlier != null) {
                throw line.problem("id '" + id + "' appears twice (first at line " + earlier + ")");
            }
            JsonNode text = line.required("text");
            if (!text.isTextual()) {
                throw line.problem("expected \"text\" to be a string, found " + text.getNodeType());
            }
            MgtRow row = new MgtRow(id, text.textValue(), label(line, subtask, text.textValue()),
                    optional(line, "model"), optional(line, "source"), line.source());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(file, 0, "expected SemEval-2024 Task 8 lines {\"id\", \"text\", \"label\"},"
                    + " found none");
        }
        return rows;
    }

    private static int label(JsonLine line, Subtask subtask, String text) {
        JsonNode node = line.required("label");
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw line.problem("expected \"label\" to be an integer, found " + node);
        }
        int label = node.intValue();
        if (subtask.classifies() && (label < 0 || label >= subtask.classes())) {
            throw line.problem("expected a " + subtask.prefix() + " label from 0 to " + (subtask.classes() - 1)
                    + ", found " + label);
        }
        if (!subtask.classifies()) {
            int words = text.split(" ", -1).length;
            if (label < 0 || label > words) {
                throw line.problem("expected the boundary word position from 0 to the text's " + words
                        + " words, found " + label);
            }
        }
        return label;
    }

    private static String optional(JsonLine line, String field) {
        JsonNode node = line.object().get(field);
        return node == null || node.isNull() ? "" : node.asText();
    }
}
