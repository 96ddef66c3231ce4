/**
 * Retrieval as a task of the one evaluation path: datasets in the BEIR/MTEB layout are subjects
 * ({@link dev.proctor.tasks.retrieval.RetrievalTask}), each judged query an item that asks any retriever for a
 * ranking, scored exactly as trec_eval does ({@code eval}); {@code data} reads the files with file:line errors and
 * ships a small bundled suite. The retrievers themselves are models (BM25, encoders, hybrids).
 */
package dev.proctor.tasks.retrieval;
