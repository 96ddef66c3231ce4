package dev.proctor.retrieval.io;

import dev.proctor.retrieval.metrics.Evaluation;
import java.util.Locale;
import java.util.Map;

/**
 * trec_eval's own output layout ({@code measure \t query \t value}, 4 decimals, per query then {@code all}), so
 * that a user can diff Proctor's output against {@code trec_eval -q}.
 */
public final class TrecEvalText {
    private TrecEvalText() {
    }

    public static String format(Evaluation e, boolean perQuery) {
        StringBuilder sb = new StringBuilder();
        if (perQuery) {
            e.perQuery().forEach((q, row) -> lines(sb, q, row));
        }
        sb.append(String.format(Locale.ROOT, "%-22s\t%s\t%d\n", "num_q", "all", e.numQueries()));
        lines(sb, "all", e.mean());
        return sb.toString();
    }

    private static void lines(StringBuilder sb, String query, Map<String, Double> values) {
        values.forEach((m, v) -> sb.append(String.format(Locale.ROOT, "%-22s\t%s\t%.4f\n", m, query, v)));
    }
}
