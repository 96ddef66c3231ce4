package dev.proctor.tasks.retrieval;

import dev.proctor.tasks.retrieval.search.AnalyzerChoice;
import dev.proctor.tasks.retrieval.search.Bm25Params;

/**
 * How the BM25 run was made.
 *
 * @param analyzer       the Lucene analyzer
 * @param analyzerChoice why this analyzer ({@code --analyzer} or the language's default)
 * @param params         k1 and b
 * @param luceneVersion  the Lucene version
 * @param indexNanos     time to index the corpus
 * @param searchNanos    time to run the queries
 */
public record LexicalReport(AnalyzerChoice analyzer, String analyzerChoice, Bm25Params params, String luceneVersion,
                            long indexNanos, long searchNanos) {
}
