/**
 * Retrievers that are not neural networks, and the searching every retriever shares: BM25 over Lucene
 * ({@code lexical}), exact and HNSW nearest-neighbour search over unit vectors ({@code vector}), and hybrids of two
 * retrievers by rank fusion or score interpolation ({@code fusion}).
 */
package dev.proctor.model.search;
