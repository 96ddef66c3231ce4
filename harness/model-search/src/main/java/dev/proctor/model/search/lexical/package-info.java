/** BM25 with Lucene: the index and searcher, the analyzers per language, and the {@code bm25} model. */
package dev.proctor.model.search.lexical;
