package dev.proctor.model.search.vector;

import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * Lucene HNSW graph parameters.
 *
 * @param maxConn    neighbours per node (M)
 * @param beamWidth  candidates kept while building (efConstruction)
 * @param fanout     extra candidates searched beyond k (KnnFloatVectorQuery asks for k + fanout; 0 = Lucene's plain k)
 */
public record HnswParams(int maxConn, int beamWidth, int fanout) {
    /** Lucene's defaults: M = 16, beam width 100, no extra fan-out. */
    public static final HnswParams DEFAULTS = new HnswParams(Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN,
            Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH, 0);

    @Override
    public String toString() {
        return "M=" + maxConn + ", beamWidth=" + beamWidth + ", fanout=" + fanout;
    }
}
