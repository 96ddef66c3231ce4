package dev.proctor.model.search.vector;

import dev.proctor.api.ProctorException;
import org.apache.lucene.util.VectorUtil;

/** Vector arithmetic shared by the encoders and the searchers. */
public final class Vectors {
    private Vectors() {
    }

    /** L2-normalises in double precision, then rounds to float. */
    public static float[] normalize(double[] v, String model) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new ProctorException(model + " produced a vector of norm " + norm + "; it cannot be normalised");
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    public static float[] normalize(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return normalize(d, "vector");
    }

    /**
     * The dot product Lucene's HNSW search computes (SIMD where the JVM allows it), so exact and approximate
     * search score a pair identically; on unit vectors it is the cosine.
     */
    public static float dot(float[] a, float[] b) {
        return VectorUtil.dotProduct(a, b);
    }

    public static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }
}
