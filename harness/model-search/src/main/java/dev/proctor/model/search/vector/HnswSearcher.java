package dev.proctor.model.search.vector;

import dev.proctor.api.ProctorException;
import dev.proctor.model.search.LuceneOrdinals;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Approximate search with Lucene's HNSW graph ({@link KnnFloatVectorField} with
 * {@link VectorSimilarityFunction#DOT_PRODUCT}, searched by {@link KnnFloatVectorQuery}), in memory and merged to
 * one segment so there is one graph. The candidates it returns are rescored with the same dot product as
 * {@link ExactSearcher}, so the two differ only in which documents they find, never in a score.
 */
public final class HnswSearcher implements VectorSearcher {
    static final String FIELD = "vector";

    private final float[][] corpus;
    private final HnswParams params;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int[] corpusIndexOfDoc;

    private HnswSearcher(float[][] corpus, HnswParams params, Directory directory, DirectoryReader reader,
                         int[] corpusIndexOfDoc) {
        this.corpus = corpus;
        this.params = params;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.corpusIndexOfDoc = corpusIndexOfDoc;
    }

    public static HnswSearcher build(float[][] corpus, HnswParams params) {
        Directory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig()
                .setCodec(new Lucene912Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return new Lucene99HnswVectorsFormat(params.maxConn(), params.beamWidth());
                    }
                })
                // one flush for the whole corpus where memory allows: no merge has to rebuild the graph
                .setRAMBufferSizeMB(1024);
        try {
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < corpus.length; i++) {
                    Document doc = new Document();
                    doc.add(new KnnFloatVectorField(FIELD, corpus[i], VectorSimilarityFunction.DOT_PRODUCT));
                    LuceneOrdinals.add(doc, i);
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            return new HnswSearcher(corpus, params, directory, reader, LuceneOrdinals.read(reader));
        } catch (IOException e) {
            throw new ProctorException("cannot build the HNSW index of " + corpus.length + " vectors: " + e, e);
        }
    }

    @Override
    public List<ScoredDoc> search(float[] query, int k) {
        return search(query, k, k + params.fanout());
    }

    /** The best k of the graph's best {@code candidates} (Lucene searches with a beam of that width). */
    public List<ScoredDoc> search(float[] query, int k, int candidates) {
        int wanted = Math.min(Math.max(k, candidates), corpus.length);
        TopDocs hits;
        try {
            hits = searcher.search(new KnnFloatVectorQuery(FIELD, query, wanted), wanted);
        } catch (IOException e) {
            throw new ProctorException("HNSW search failed: " + e, e);
        }
        TopK top = new TopK(Math.min(k, corpus.length));
        for (ScoreDoc hit : hits.scoreDocs) {
            int d = corpusIndexOfDoc[hit.doc];
            top.offer(d, Vectors.dot(query, corpus[d]));
        }
        return top.sorted();
    }

    @Override
    public String describe() {
        return "hnsw(Lucene " + org.apache.lucene.util.Version.LATEST + ", " + params + ", DOT_PRODUCT)";
    }

    @Override
    public void close() {
        try (directory) {
            reader.close();
        } catch (IOException e) {
            throw new ProctorException("cannot close the HNSW index: " + e, e);
        }
    }
}
