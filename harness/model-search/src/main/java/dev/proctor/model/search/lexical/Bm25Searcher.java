package dev.proctor.model.search.lexical;

import dev.proctor.api.ProctorException;
import dev.proctor.api.request.Passage;
import dev.proctor.model.search.vector.ScoredDoc;
import dev.proctor.model.search.LuceneOrdinals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * BM25 over an in-memory Lucene index. Each document's title and text are indexed together in one field, as
 * Pyserini's "flat" BEIR indexes do. A query is analyzed with the same analyzer and becomes a disjunction of its
 * terms, each boosted by how often it occurs in the query (Anserini's bag-of-words query). Scores are Lucene's
 * {@link BM25Similarity}: idf = ln(1 + (N - n + 0.5) / (n + 0.5)), term part tf / (tf + k1 (1 - b + b dl / avgdl))
 * with no (k1 + 1) factor, and document lengths stored lossily in one byte.
 */
public final class Bm25Searcher implements AutoCloseable {
    static final String CONTENTS = "contents";

    private final AnalyzerChoice analyzerChoice;
    private final Analyzer analyzer;
    private final Bm25Params params;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int[] corpusIndexOfDoc;

    private Bm25Searcher(AnalyzerChoice analyzerChoice, Analyzer analyzer, Bm25Params params, Directory directory,
                         DirectoryReader reader, int[] corpusIndexOfDoc) {
        this.analyzerChoice = analyzerChoice;
        this.analyzer = analyzer;
        this.params = params;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity(params.k1(), params.b()));
        this.corpusIndexOfDoc = corpusIndexOfDoc;
    }

    public static Bm25Searcher build(List<Passage> corpus, AnalyzerChoice choice, Bm25Params params) {
        Analyzer analyzer = choice.create();
        Directory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setSimilarity(new BM25Similarity(params.k1(), params.b()));
        try {
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < corpus.size(); i++) {
                    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
                    doc.add(new TextField(CONTENTS, corpus.get(i).contents(), Field.Store.NO));
                    LuceneOrdinals.add(doc, i);
                    writer.addDocument(doc);
                }
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            return new Bm25Searcher(choice, analyzer, params, directory, reader, LuceneOrdinals.read(reader));
        } catch (IOException e) {
            analyzer.close();
            throw new ProctorException("cannot build the BM25 index of " + corpus.size() + " documents: " + e, e);
        }
    }

    /** The terms the analyzer makes of {@code text}, in order, repeats kept. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(CONTENTS, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** @return the k best documents, best first; none when every query term is a stop word */
    public List<ScoredDoc> search(String query, int k) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        terms(query).forEach(t -> counts.merge(t, 1, Integer::sum));
        if (counts.isEmpty()) {
            return List.of();
        }
        if (counts.size() > IndexSearcher.getMaxClauseCount()) {
            throw new ProctorException("a query has " + counts.size() + " distinct terms, more than Lucene's limit of "
                    + IndexSearcher.getMaxClauseCount() + " clauses: " + query.substring(0, Math.min(80, query.length())));
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        counts.forEach((term, n) -> {
            Query clause = new TermQuery(new Term(CONTENTS, term));
            builder.add(n == 1 ? clause : new BoostQuery(clause, n), BooleanClause.Occur.SHOULD);
        });
        try {
            ScoreDoc[] hits = searcher.search(builder.build(), Math.max(1, k)).scoreDocs;
            List<ScoredDoc> out = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                out.add(new ScoredDoc(corpusIndexOfDoc[hit.doc], hit.score));
            }
            return out;
        } catch (IOException e) {
            throw new ProctorException("BM25 search failed: " + e, e);
        }
    }

    public AnalyzerChoice analyzer() {
        return analyzerChoice;
    }

    public Bm25Params params() {
        return params;
    }

    @Override
    public void close() {
        try (directory; analyzer) {
            reader.close();
        } catch (IOException e) {
            throw new ProctorException("cannot close the BM25 index: " + e, e);
        }
    }
}
