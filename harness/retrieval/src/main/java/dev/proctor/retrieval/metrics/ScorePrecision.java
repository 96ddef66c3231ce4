package dev.proctor.retrieval.metrics;

/** The precision a score has when trec_eval orders documents; it decides which scores tie. */
public enum ScorePrecision {
    /** trec_eval 9.0.8 and pytrec_eval (hence BEIR and MTEB) store the score as a C {@code float}. */
    FLOAT32,
    /** trec_eval 10.0 keeps the double (its commit dc0c991), so fewer scores tie. */
    DOUBLE;

    double round(double score) {
        return this == FLOAT32 ? (double) (float) score : score;
    }
}
