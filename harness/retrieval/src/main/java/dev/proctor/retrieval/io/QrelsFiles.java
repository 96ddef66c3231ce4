package dev.proctor.retrieval.io;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.retrieval.Qrels;
import dev.proctor.retrieval.metrics.Docnos;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Qrels readers for TREC and BEIR files. Relevance must be an integer (trec_eval reads it with atol, BEIR with
 * int()); anything else is an error naming the file and line rather than a silently truncated value.
 */
public final class QrelsFiles {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private QrelsFiles() {
    }

    public static Qrels read(Path file, QrelsFormat format) {
        return switch (format == QrelsFormat.AUTO ? detect(file) : format) {
            case TREC -> readTrec(file);
            case BEIR -> readBeir(file);
            case AUTO -> throw new IllegalStateException("detect never answers AUTO");
        };
    }

    /** BEIR's split file of a dataset folder: {@code <dir>/qrels/<split>.tsv}. */
    public static Path beirSplit(Path datasetDir, String split) {
        Path file = datasetDir.resolve("qrels").resolve(split + ".tsv");
        if (!Files.isRegularFile(file)) {
            throw new ProctorException("expected BEIR qrels " + file + " for split '" + split + "', found no such "
                    + "file");
        }
        return file;
    }

    /** TREC if the first non-blank line has 4 fields; BEIR if it is a 3-column tab-separated header. */
    public static QrelsFormat detect(Path file) {
        String[] first = {null};
        long[] at = {0};
        Lines.forEach(file, "a qrels file", (n, line) -> {
            if (first[0] == null && !line.isBlank()) {
                first[0] = line;
                at[0] = n;
            }
        });
        if (first[0] == null) {
            throw new DataFormatException(file, 0, "expected qrels, found an empty file");
        }
        String[] tabs = first[0].split("\t", -1);
        if (tabs.length == 3 && !INTEGER.matcher(tabs[2].trim()).matches()) {
            return QrelsFormat.BEIR;
        }
        if (WHITESPACE.split(first[0].trim()).length == 4) {
            return QrelsFormat.TREC;
        }
        throw new DataFormatException(file, at[0], "expected TREC qrels 'qid iter docid rel' or a BEIR header "
                + "'query-id<TAB>corpus-id<TAB>score', found '" + TrecRunFile.abbreviated(first[0]) + "'");
    }

    /** trec_eval's qrels: {@code qid iter docid rel}; a document judged twice for a query is an error, as there. */
    public static Qrels readTrec(Path file) {
        Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
        Map<String, Map<String, Long>> lines = new LinkedHashMap<>();
        Lines.forEach(file, "TREC qrels (qid iter docid rel)", (n, line) -> {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                return;
            }
            String[] f = WHITESPACE.split(trimmed);
            if (f.length != 4) {
                throw new DataFormatException(file, n, "expected 4 whitespace-separated fields 'qid iter docid rel', "
                        + "found " + f.length + ": '" + TrecRunFile.abbreviated(trimmed) + "'");
            }
            int rel = relevance(file, n, f[3], "field 4");
            Long first = lines.computeIfAbsent(f[0], q -> new LinkedHashMap<>()).putIfAbsent(f[2], n);
            if (first != null) {
                throw new DataFormatException(file, n, "document '" + f[2] + "' is judged twice for query '" + f[0]
                        + "' (first at line " + first + "); trec_eval refuses duplicates");
            }
            judgments.computeIfAbsent(f[0], q -> new LinkedHashMap<>()).put(f[2], rel);
        });
        return nonEmpty(file, judgments);
    }

    /**
     * BEIR's {@code qrels/<split>.tsv}: the first line is a header, which BEIR skips unread, so a first line that
     * looks like data is an error here rather than a lost judgment. A row repeated with the same value is harmless
     * (BEIR keeps one); with a different value it is ambiguous and refused.
     */
    public static Qrels readBeir(Path file) {
        Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
        Map<String, Map<String, Long>> lines = new LinkedHashMap<>();
        Lines.forEach(file, "BEIR qrels (query-id<TAB>corpus-id<TAB>score)", (n, line) -> {
            if (n == 1) {
                String[] h = line.split("\t", -1);
                if (h.length != 3 || INTEGER.matcher(h[2].trim()).matches()) {
                    throw new DataFormatException(file, n, "expected the header 'query-id<TAB>corpus-id<TAB>score' "
                            + "(BEIR skips the first line), found '" + TrecRunFile.abbreviated(line) + "'");
                }
                return;
            }
            if (line.isBlank()) {
                return;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                throw new DataFormatException(file, n, "expected 3 tab-separated fields 'query-id corpus-id score', "
                        + "found " + f.length + ": '" + TrecRunFile.abbreviated(line) + "'");
            }
            String q = unquoted(f[0]);
            String d = unquoted(f[1]);
            int rel = relevance(file, n, unquoted(f[2]), "the score column");
            Map<String, Integer> docs = judgments.computeIfAbsent(q, k -> new LinkedHashMap<>());
            Integer before = docs.putIfAbsent(d, rel);
            if (before != null && before != rel) {
                throw new DataFormatException(file, n, "document '" + d + "' is judged " + rel + " for query '" + q
                        + "' but " + before + " at line " + lines.get(q).get(d) + "; which one is meant?");
            }
            lines.computeIfAbsent(q, k -> new LinkedHashMap<>()).putIfAbsent(d, n);
        });
        return nonEmpty(file, judgments);
    }

    /** Writes TREC qrels ({@code qid 0 docid rel}), queries and documents in strcmp order as trec_eval sorts them. */
    public static void writeTrec(Qrels qrels, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            TreeMap<String, Map<String, Integer>> sorted = new TreeMap<>(Docnos.STRCMP);
            sorted.putAll(qrels.judgments());
            for (Map.Entry<String, Map<String, Integer>> q : sorted.entrySet()) {
                TreeMap<String, Integer> docs = new TreeMap<>(Docnos.STRCMP);
                docs.putAll(q.getValue());
                for (Map.Entry<String, Integer> d : docs.entrySet()) {
                    w.write(q.getKey() + " 0 " + d.getKey() + " " + d.getValue() + "\n");
                }
            }
        } catch (IOException e) {
            throw new ProctorException("cannot write the qrels file " + file + ": " + e.getMessage(), e);
        }
    }

    private static int relevance(Path file, long line, String text, String where) {
        String t = text.trim();
        if (INTEGER.matcher(t).matches()) {
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                // too large for an int: reported below
            }
        }
        throw new DataFormatException(file, line, "expected an integer relevance in " + where + ", found '"
                + TrecRunFile.abbreviated(text) + "'");
    }

    /** Python's csv reader (BEIR's) removes quotes around a field and undoubles quotes inside it. */
    private static String unquoted(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }

    private static Qrels nonEmpty(Path file, Map<String, Map<String, Integer>> judgments) {
        if (judgments.isEmpty()) {
            throw new DataFormatException(file, 0, "expected at least one judgment, found none");
        }
        return new Qrels(judgments);
    }
}
