package dev.proctor.model.djl.encoder;

import dev.proctor.api.NamedChoice;

/** How token vectors become one sentence vector (before L2 normalisation). */
public enum Pooling implements NamedChoice {
    /** The first token's ({@code [CLS]}) vector: BGE's pooling. */
    CLS("cls"),
    /** The mean of the token vectors where the attention mask is 1: sentence-transformers' MiniLM pooling. */
    MEAN("mean");

    private final String id;

    Pooling(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Pooling of(String id) {
        return NamedChoice.lookup(Pooling.class, "pooling", id);
    }

    /**
     * Pools one sequence of a {@code [batch, length, hidden]} row-major tensor.
     *
     * @param hidden the whole tensor
     * @param row    the sequence's index in the batch
     * @param length the padded length
     * @param dim    the hidden size
     * @param real   how many leading positions are real tokens (mask 1; padding is on the right)
     */
    double[] pool(float[] hidden, int row, int length, int dim, int real) {
        double[] out = new double[dim];
        int base = row * length * dim;
        if (this == CLS) {
            for (int h = 0; h < dim; h++) {
                out[h] = hidden[base + h];
            }
            return out;
        }
        for (int t = 0; t < real; t++) {
            int at = base + t * dim;
            for (int h = 0; h < dim; h++) {
                out[h] += hidden[at + h];
            }
        }
        for (int h = 0; h < dim; h++) {
            out[h] /= real;
        }
        return out;
    }
}
