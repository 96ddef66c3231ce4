package dev.proctor.retrieval.metrics;

import java.util.List;
import java.util.Map;

/**
 * One MRR@k variant's values, keyed {@code MRR@k} as BEIR prints them.
 *
 * @param variant    which convention
 * @param perQuery   query id to (MRR@k to value), for the queries this variant counts
 * @param mean       MRR@k to the mean (rounded when the options ask for it)
 * @param numQueries the denominator of the mean
 * @param excluded   queries left out ({@link MrrVariant#MTEB}: run queries not in the qrels) or counted as 0
 *                   because the run lacks them ({@link MrrVariant#BEIR}, {@link MrrVariant#TREC_ORDER} under
 *                   {@link Averaging#ALL_QRELS_QUERIES})
 */
public record MrrScores(MrrVariant variant, Map<String, Map<String, Double>> perQuery, Map<String, Double> mean,
                        int numQueries, List<String> excluded) {
    public MrrScores {
        perQuery = Evaluation.frozen(perQuery);
        mean = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mean));
        excluded = List.copyOf(excluded);
    }
}
