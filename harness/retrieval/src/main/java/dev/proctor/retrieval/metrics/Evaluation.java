package dev.proctor.retrieval.metrics;

import dev.proctor.api.ProctorException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of one run against one set of qrels.
 *
 * @param options    the effective options
 * @param measures   pytrec_eval measure names in output order (ndcg_cut_k, map_cut_k, recall_k, P_k, success_k,
 *                   recip_rank)
 * @param perQuery   evaluated query id (strcmp order) to (measure to value)
 * @param mean       measure to mean over {@link #numQueries()} queries (rounded when the options ask for it)
 * @param numQueries the denominator of the means: the evaluated queries, or all judged qrels queries with
 *                   {@link Averaging#ALL_QRELS_QUERIES}
 * @param notes      what was dropped or left out and why, for the report
 * @param mrr        the MRR@k variants the options asked for
 */
public record Evaluation(MetricOptions options, List<String> measures, Map<String, Map<String, Double>> perQuery,
                         Map<String, Double> mean, int numQueries, List<String> notes,
                         Map<MrrVariant, MrrScores> mrr) {
    public Evaluation {
        measures = List.copyOf(measures);
        perQuery = frozen(perQuery);
        mean = Collections.unmodifiableMap(new LinkedHashMap<>(mean));
        notes = List.copyOf(notes);
        mrr = Collections.unmodifiableMap(new LinkedHashMap<>(mrr));
    }

    /** The mean of a measure by its pytrec_eval name, e.g. {@code ndcg_cut_10}. */
    public double mean(String measure) {
        Double v = mean.get(measure);
        if (v == null) {
            throw new ProctorException("no measure '" + measure + "' was computed; computed: " + measures);
        }
        return v;
    }

    /** One query's value of a measure. */
    public double value(String query, String measure) {
        Map<String, Double> row = perQuery.get(query);
        if (row == null) {
            throw new ProctorException("query '" + query + "' was not evaluated");
        }
        Double v = row.get(measure);
        if (v == null) {
            throw new ProctorException("no measure '" + measure + "' was computed; computed: " + measures);
        }
        return v;
    }

    /** The named MRR@k variant; it must have been asked for in the options. */
    public MrrScores mrr(MrrVariant variant) {
        MrrScores s = mrr.get(variant);
        if (s == null) {
            throw new ProctorException("MRR variant " + variant.id() + " was not computed; add it to the options");
        }
        return s;
    }

    static Map<String, Map<String, Double>> frozen(Map<String, Map<String, Double>> rows) {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        rows.forEach((q, row) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(row))));
        return Collections.unmodifiableMap(copy);
    }
}
