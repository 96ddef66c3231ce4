package dev.proctor.retrieval.metrics;

/** Which queries the mean is taken over. */
public enum Averaging {
    /** Queries both in the run and in the qrels: trec_eval's default and pytrec_eval, BEIR and MTEB. */
    EVALUATED_QUERIES,
    /** Every judged qrels query, a missing one counting 0 for every measure: {@code trec_eval -c}. */
    ALL_QRELS_QUERIES
}
