/**
 * Retrieval at the command line. {@code proctor retrieve} is {@code proctor run --tasks retrieval:NAME} under
 * retrieval's own option names (dataset, retriever, encoder, BM25 and encoder settings), with the default encoder
 * chosen by the dataset's language and the ranking also written as a TREC run file. {@code proctor score retrieval}
 * scores any TREC run file against TREC or BEIR qrels with trec_eval 9.0.8 / pytrec_eval conventions, so runs from
 * other systems can be compared with Proctor's own.
 */
package dev.proctor.cli.retrieval;
