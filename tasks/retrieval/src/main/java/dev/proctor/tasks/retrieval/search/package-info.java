/**
 * Search: BM25 through Lucene ({@link dev.proctor.tasks.retrieval.search.Bm25Searcher}, analyzer per language),
 * exact dense search ({@link dev.proctor.tasks.retrieval.search.ExactSearcher}) and Lucene HNSW
 * ({@link dev.proctor.tasks.retrieval.search.HnswSearcher}), with recall measured against exact search
 * ({@link dev.proctor.tasks.retrieval.search.Recall}).
 */
package dev.proctor.tasks.retrieval.search;
