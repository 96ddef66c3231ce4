package dev.proctor.model.search;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;

/**
 * Maps Lucene doc ids back to corpus positions through a doc-values field written with each document: merges
 * may reorder documents, so insertion order is not relied on.
 */
public final class LuceneOrdinals {
    static final String FIELD = "ord";

    private LuceneOrdinals() {
    }

    public static void add(Document doc, int corpusIndex) {
        doc.add(new NumericDocValuesField(FIELD, corpusIndex));
    }

    public static int[] read(DirectoryReader reader) throws IOException {
        int[] order = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(FIELD);
            for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                if (values == null || !values.advanceExact(d)) {
                    throw new IllegalStateException("document " + (leaf.docBase + d) + " has no " + FIELD + " value");
                }
                order[leaf.docBase + d] = Math.toIntExact(values.longValue());
            }
        }
        return order;
    }
}
