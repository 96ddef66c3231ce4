package dev.proctor.tasks.retrieval.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.SourceLine;
import dev.proctor.datafiles.JsonLine;
import dev.proctor.datafiles.JsonLinesReader;
import dev.proctor.retrieval.Qrels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the BEIR/MTEB layout: {@code corpus.jsonl} ({@code _id}, {@code title}, {@code text}),
 * {@code queries.jsonl} ({@code _id}, {@code text}) and {@code qrels/<split>.tsv} (query-id, corpus-id, integer
 * score, after a header row). Ids may be JSON strings or integers (some BEIR exports write numbers); a repeated
 * id, a missing field, a qrels row that is not three tab-separated fields, a non-integer score, a repeated
 * judgment or a judged query absent from {@code queries.jsonl} is a {@link DataFormatException} naming file and
 * line. Judged documents absent from the corpus are allowed (they still count in R, as trec_eval counts them).
 */
public final class BeirReader {
    public static final String CORPUS = "corpus.jsonl";
    public static final String QUERIES = "queries.jsonl";

    private BeirReader() {
    }

    /** {@code dir/qrels/<split>.tsv}. */
    public static Path qrelsFile(Path dir, String split) {
        return dir.resolve("qrels").resolve(split + ".tsv");
    }

    public static List<Document> readCorpus(Path file) {
        List<Document> docs = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (JsonLine line : JsonLinesReader.read(file)) {
            String id = id(line);
            requireNew(seen, id, line.source(), "_id");
            docs.add(new Document(id, optionalText(line, "title"), text(line, "text")));
        }
        if (docs.isEmpty()) {
            throw new DataFormatException(file, 0, "expected at least one document, found an empty corpus");
        }
        return docs;
    }

    public static List<Query> readQueries(Path file) {
        List<Query> queries = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (JsonLine line : JsonLinesReader.read(file)) {
            String id = id(line);
            requireNew(seen, id, line.source(), "_id");
            queries.add(new Query(id, text(line, "text"), line.source()));
        }
        return queries;
    }

    /**
     * @param knownQueries the ids of {@code queries.jsonl}: every judged query must be one of them
     */
    public static Qrels readQrels(Path file, java.util.Set<String> knownQueries) {
        Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
        List<TsvLines.Row> rows = TsvLines.read(file);
        if (rows.isEmpty()) {
            throw new DataFormatException(file, 0, "expected a header row query-id, corpus-id, score, found an empty file");
        }
        TsvLines.Row header = rows.get(0);
        if (header.fields().size() != 3 || isInteger(header.fields().get(2))) {
            throw new DataFormatException(file, header.line(), "expected the header row query-id<TAB>corpus-id<TAB>score,"
                    + " found " + header.fields());
        }
        for (TsvLines.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != 3) {
                throw new DataFormatException(file, row.line(), "expected 3 tab-separated fields (query-id, corpus-id,"
                        + " score), found " + row.fields().size() + ": " + row.fields());
            }
            String query = row.fields().get(0).strip();
            String doc = row.fields().get(1).strip();
            String score = row.fields().get(2).strip();
            if (query.isEmpty() || doc.isEmpty()) {
                throw new DataFormatException(file, row.line(), "expected a query-id and a corpus-id, found an empty field");
            }
            if (!isInteger(score)) {
                throw new DataFormatException(file, row.line(), "expected an integer relevance score (trec_eval reads"
                        + " integers), found '" + score + "'");
            }
            if (!knownQueries.contains(query)) {
                throw new DataFormatException(file, row.line(), "expected a query-id listed in " + QUERIES
                        + ", found '" + query + "'");
            }
            Integer previous = judgments.computeIfAbsent(query, q -> new LinkedHashMap<>())
                    .put(doc, Integer.parseInt(score));
            if (previous != null) {
                throw new DataFormatException(file, row.line(), "expected one judgment per (query, document), found"
                        + " a second one for (" + query + ", " + doc + ")");
            }
        }
        return new Qrels(judgments);
    }

    /** Whether {@code dir} looks like a BEIR dataset (corpus and queries present). */
    public static boolean isDataset(Path dir) {
        return Files.isRegularFile(dir.resolve(CORPUS)) && Files.isRegularFile(dir.resolve(QUERIES));
    }

    private static boolean isInteger(String s) {
        return s.strip().matches("[+-]?\\d{1,9}");
    }

    private static String id(JsonLine line) {
        JsonNode node = line.object().get("_id");
        if (node != null && (node.isTextual() || node.isIntegralNumber())) {
            String id = node.asText();
            if (!id.isBlank()) {
                return id;
            }
        }
        throw new DataFormatException(line.source().file(), line.source().line(),
                "expected a non-empty \"_id\" (string or integer), found " + (node == null ? "none" : node));
    }

    private static String text(JsonLine line, String field) {
        JsonNode node = line.object().get(field);
        if (node == null || !node.isTextual()) {
            throw new DataFormatException(line.source().file(), line.source().line(),
                    "expected a string \"" + field + "\", found " + (node == null ? "none" : node.getNodeType()));
        }
        return node.asText();
    }

    private static String optionalText(JsonLine line, String field) {
        JsonNode node = line.object().get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new DataFormatException(line.source().file(), line.source().line(),
                    "expected \"" + field + "\" to be a string, found " + node.getNodeType());
        }
        return node.asText();
    }

    private static void requireNew(Map<String, Long> seen, String id, SourceLine at, String field) {
        Long first = seen.putIfAbsent(id, at.line());
        if (first != null) {
            throw new DataFormatException(at.file(), at.line(), "expected unique " + field + " values, found '" + id
                    + "' again (first on line " + first + ")");
        }
    }
}
