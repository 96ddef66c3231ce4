package dev.proctor.api.request;

import java.util.Map;

/**
 * The answer to an {@link EmbedRequest}: a unit-length vector.
 *
 * @param vector the components; finite, not all zero
 */
public record Embedding(float[] vector) implements Response {
    public Embedding {
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("an embedding needs at least one component");
        }
        double sum = 0;
        for (float x : vector) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("an embedding component is " + x);
            }
            sum += (double) x * x;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("an embedding cannot be the zero vector");
        }
    }

    /** Equal components, not the same array. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && java.util.Arrays.equals(vector, e.vector);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Embedding" + java.util.Arrays.toString(vector);
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("dimension", vector.length);
    }
}
