package dev.proctor.model.search.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Search throughput on random unit vectors (one thread): exact search, and Lucene HNSW searched for 10 and for
 * 100 candidates, with recall@10 of each against exact search. Isotropic random vectors in 384 dimensions are
 * HNSW's worst case (every point nearly equidistant); vectors of low intrinsic dimension (a random linear map of
 * a few Gaussian coordinates, plus a little noise) are closer to how sentence embeddings are spread.
 *
 * @param documents            corpus size
 * @param dimension            vector size
 * @param intrinsic            intrinsic dimension of the vectors, 0 for isotropic
 * @param queries              queries timed
 * @param exactQps             exact queries per second
 * @param hnswBuildSeconds     time to index the corpus (graph built, one segment)
 * @param hnswQps10            HNSW queries per second, 10 candidates (Lucene's k = 10)
 * @param recall10At10         recall@10 with 10 candidates
 * @param hnswQps100           HNSW queries per second, 100 candidates, top 10 kept
 * @param recall10At100        recall@10 with 100 candidates
 */
public record SearchBenchmark(int documents, int dimension, int intrinsic, int queries, double exactQps, double hnswBuildSeconds,
                              double hnswQps10, double recall10At10, double hnswQps100, double recall10At100) {

    public static SearchBenchmark run(int documents, int dimension, int intrinsic, int queries, long seed) {
        float[][] map = intrinsic == 0 ? null : gaussian(dimension, intrinsic, new Random(seed + 2));
        float[][] corpus = random(documents, dimension, map, new Random(seed));
        float[][] qs = random(queries, dimension, map, new Random(seed + 1));
        ExactSearcher exact = new ExactSearcher(corpus);
        timed(exact, qs, 10); // warm-up
        List<List<ScoredDoc>> truth = new ArrayList<>();
        double exactSeconds = timed(exact, qs, 10, truth);
        long t0 = System.nanoTime();
        try (HnswSearcher narrow = HnswSearcher.build(corpus, HnswParams.DEFAULTS)) {
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            VectorSearcher wide = new VectorSearcher() {
                @Override
                public List<ScoredDoc> search(float[] query, int k) {
                    return narrow.search(query, k, 100);
                }

                @Override
                public String describe() {
                    return narrow.describe() + ", 100 candidates";
                }
            };
            timed(narrow, qs, 10);
            List<List<ScoredDoc>> found10 = new ArrayList<>();
            double s10 = timed(narrow, qs, 10, found10);
            List<List<ScoredDoc>> found100 = new ArrayList<>();
            double s100 = timed(wide, qs, 10, found100);
            return new SearchBenchmark(documents, dimension, intrinsic, queries, queries / exactSeconds, buildSeconds,
                    queries / s10, Recall.atK(found10, truth, 10), queries / s100, Recall.atK(found100, truth, 10));
        }
    }

    /** Unit vectors: isotropic when {@code map} is null, else map x (Gaussian z) + 10% isotropic noise. */
    static float[][] random(int n, int dim, float[][] map, Random random) {
        float[][] v = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] x = gaussian(1, dim, random)[0];
            if (map != null) {
                float[] z = gaussian(1, map[0].length, random)[0];
                for (int j = 0; j < dim; j++) {
                    float projected = 0;
                    for (int t = 0; t < z.length; t++) {
                        projected += map[j][t] * z[t];
                    }
                    x[j] = projected + 0.1f * (float) Math.sqrt(z.length) * x[j];
                }
            }
            v[i] = Vectors.normalize(x);
        }
        return v;
    }

    static float[][] gaussian(int rows, int cols, Random random) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return m;
    }

    private static double timed(VectorSearcher searcher, float[][] queries, int k) {
        return timed(searcher, queries, k, new ArrayList<>());
    }

    private static double timed(VectorSearcher searcher, float[][] queries, int k, List<List<ScoredDoc>> out) {
        long start = System.nanoTime();
        for (float[] q : queries) {
            out.add(searcher.search(q, k));
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
