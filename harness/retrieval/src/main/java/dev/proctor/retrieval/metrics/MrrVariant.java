package dev.proctor.retrieval.metrics;

/**
 * The MRR@k variants reference tools report; they differ in tie order and in which queries count, so each is
 * named rather than picked silently.
 */
public enum MrrVariant {
    /**
     * trec_eval's order (float32 ties broken by descending docno), relevant meaning rel ≥ relevance_level, averaged
     * like the other trec_eval measures; at k ≥ the run's depth it equals {@code recip_rank}.
     */
    TREC_ORDER("trec_order"),
    /**
     * BEIR's custom_metrics.mrr: Python's stable sort by score (ties keep the run's order), relevant meaning rel
     * &gt; 0, summed over the qrels queries (a query missing from the run counts 0, where BEIR itself raises
     * KeyError) and divided by their number, including qrels queries that have no judgments.
     */
    BEIR("beir"),
    /** MTEB's MRR@k: as {@link #BEIR} but over the run's queries that appear in the qrels. */
    MTEB("mteb");

    private final String id;

    MrrVariant(String id) {
        this.id = id;
    }

    /** The name used in JSON and on the command line. */
    public String id() {
        return id;
    }

    /** The measure name the peers print, e.g. {@code MRR@10}. */
    public static String measureName(int k) {
        return "MRR@" + k;
    }
}
