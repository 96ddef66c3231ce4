package dev.proctor.retrieval.io;

/** The qrels file layouts Proctor reads. */
public enum QrelsFormat {
    /** Decided from the first line: a 3-column tab-separated header means BEIR, 4 fields mean TREC. */
    AUTO,
    /** trec_eval's {@code qid iter docid rel}, whitespace separated; iter is ignored. */
    TREC,
    /** BEIR/MTEB {@code qrels/<split>.tsv}: a header line, then {@code query-id \t corpus-id \t score}. */
    BEIR
}
