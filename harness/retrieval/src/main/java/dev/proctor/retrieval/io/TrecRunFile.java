package dev.proctor.retrieval.io;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.retrieval.Run;
import dev.proctor.retrieval.metrics.TrecOrder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * TREC run files: one line per retrieved document, {@code qid Q0 docid rank score tag}, whitespace separated.
 * As in trec_eval the Q0 and rank columns are read but ignored: the order comes from the scores alone, and fields
 * after the tag are ignored too (trec_eval 9.0.8 {@code parse_results_line} skips the rest of the line after six).
 */
public final class TrecRunFile {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INFINITY = Pattern.compile("[+-]?(?i:inf|infinity)");

    private TrecRunFile() {
    }

    /**
     * Reads a run; queries and, within a query, documents keep the file's order (BEIR's MRR breaks ties by it).
     * Blank lines are skipped; a document listed twice for a query is an error, as in trec_eval.
     */
    public static Run read(Path file) {
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        Lines.forEach(file, "a TREC run file (qid Q0 docid rank score tag)", (n, line) -> {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                return;
            }
            String[] f = WHITESPACE.split(trimmed);
            if (f.length < 6) {
                throw new DataFormatException(file, n, "expected 6 whitespace-separated fields "
                        + "'qid Q0 docid rank score tag', found " + f.length + ": '" + abbreviated(trimmed) + "'");
            }
            double score = parseScore(file, n, f[4]);
            Map<String, Double> docs = scores.computeIfAbsent(f[0], q -> new LinkedHashMap<>());
            if (docs.putIfAbsent(f[2], score) != null) {
                throw new DataFormatException(file, n, "document '" + f[2] + "' is listed twice for query '" + f[0]
                        + "' (first at line " + firstLine(file, f[0], f[2]) + "); trec_eval refuses duplicates");
            }
        });
        if (scores.isEmpty()) {
            throw new DataFormatException(file, 0, "expected at least one line 'qid Q0 docid rank score tag', "
                    + "found none");
        }
        return new Run(scores);
    }

    /**
     * Writes a run with ranks 1..n per query. Documents go in Python's stable score order (ties keep the run's
     * order), so reading the file back gives the same BEIR and MTEB MRR; trec_eval re-sorts anyway. Scores are
     * written with {@link Double#toString}, which reads back to the same double.
     */
    public static void write(Run run, Path file, String tag) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(run, out, tag);
        } catch (IOException e) {
            throw new ProctorException("cannot write the run file " + file + ": " + e.getMessage(), e);
        }
    }

    public static void write(Run run, Writer out, String tag) {
        requireToken("run tag", tag);
        try {
            Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out);
            for (Map.Entry<String, Map<String, Double>> q : run.scores().entrySet()) {
                requireToken("query id", q.getKey());
                List<String> order = TrecOrder.pythonStable(q.getKey(), q.getValue());
                int rank = 1;
                for (String doc : order) {
                    requireToken("document id", doc);
                    w.write(q.getKey() + " Q0 " + doc + " " + rank++ + " " + q.getValue().get(doc) + " " + tag + "\n");
                }
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A decimal number or an infinity, as C's atof reads it; NaN cannot be ordered, so it is refused. */
    static double parseScore(Path file, long line, String text) {
        if (NUMBER.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new DataFormatException(file, line, "expected a number as the score (field 5), found '"
                + abbreviated(text) + "'");
    }

    private static long firstLine(Path file, String query, String doc) {
        long[] first = {0};
        Lines.forEach(file, "a TREC run file", (n, line) -> {
            String[] f = WHITESPACE.split(line.trim());
            if (first[0] == 0 && f.length >= 6 && f[0].equals(query) && f[2].equals(doc)) {
                first[0] = n;
            }
        });
        return first[0];
    }

    private static void requireToken(String what, String value) {
        if (value == null || value.isEmpty() || WHITESPACE.matcher(value).find()) {
            throw new ProctorException("cannot write the " + what + " '" + value + "' to a TREC run file: it must "
                    + "be non-empty and free of whitespace");
        }
    }

    static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
