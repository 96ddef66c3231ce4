package dev.proctor.retrieval.metrics;

import dev.proctor.api.ProctorException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Document orders: trec_eval's (score, then docno descending) and Python's stable sort used by BEIR and MTEB. */
public final class TrecOrder {
    private TrecOrder() {
    }

    /**
     * The documents in trec_eval's ranking: score descending at the given precision, ties by descending strcmp of
     * the docno (form_res_rels.c comp_sim_docno). Plain {@code <} and {@code >} as in C, so -0.0 ties with 0.0.
     */
    public static List<String> rank(String query, Map<String, Double> scores, ScorePrecision precision) {
        int n = scores.size();
        String[] ids = new String[n];
        double[] rounded = new double[n];
        int i = 0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            ids[i] = e.getKey();
            rounded[i++] = precision.round(checked(query, e.getKey(), e.getValue()));
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, j -> j);
        Arrays.sort(order, (a, b) -> {
            if (rounded[a] > rounded[b]) {
                return -1;
            }
            if (rounded[a] < rounded[b]) {
                return 1;
            }
            return Docnos.strcmp(ids[b], ids[a]);
        });
        List<String> ranked = new ArrayList<>(n);
        for (Integer j : order) {
            ranked.add(ids[j]);
        }
        return ranked;
    }

    /**
     * BEIR's and MTEB's order: {@code sorted(items, key=score, reverse=True)}, a stable sort on the double score,
     * so ties keep the run's insertion order.
     */
    public static List<String> pythonStable(String query, Map<String, Double> scores) {
        List<Map.Entry<String, Double>> entries = new ArrayList<>(scores.entrySet());
        for (Map.Entry<String, Double> e : entries) {
            checked(query, e.getKey(), e.getValue());
        }
        entries.sort((a, b) -> a.getValue() > b.getValue() ? -1 : a.getValue() < b.getValue() ? 1 : 0);
        List<String> ranked = new ArrayList<>(entries.size());
        entries.forEach(e -> ranked.add(e.getKey()));
        return ranked;
    }

    /** NaN has no place in an order (C's qsort and Python's sort both give arbitrary results), so it is refused. */
    private static double checked(String query, String doc, Double score) {
        if (score == null || score.isNaN()) {
            throw new ProctorException("the run scores document '" + doc + "' of query '" + query + "' as "
                    + score + "; every score must be a number");
        }
        return score;
    }
}
