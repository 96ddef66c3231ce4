package dev.proctor.lm;

import java.util.List;

/**
 * A causal LM's key/value cache: tokens already run need not be run again. A backend offers one when its model takes
 * past keys and values ({@link CausalLm#kvCache()}); {@link LoglikelihoodRunner} then computes each node of the
 * prompts' prefix tree once, and {@link TokenGenerator} feeds one new token per step. Results equal the no-cache path
 * up to floating-point reordering. Not thread-safe.
 */
public interface KvCache {

    /** The keys and values of one token sequence, from its first token. Closing frees them; again does nothing. */
    interface Past extends AutoCloseable {
        /** Tokens it covers. */
        int length();

        @Override
        void close();
    }

    /**
     * One row to run after a shared past.
     *
     * @param query the new tokens and what is wanted from them, positions counted in the new tokens
     * @param keep  whether to return the row's past extended by its new tokens (a prefix others continue)
     */
    record Extension(ScoreQuery query, boolean keep) {
    }

    /**
     * What one row gave.
     *
     * @param scores what its query asked for
     * @param past   its past extended by its tokens when kept, else null
     */
    record Extended(TargetScores scores, Past past) {
    }

    /**
     * Runs every row, in one forward pass, after the same past ({@code null}: after nothing); the past stays open.
     * Scores follow {@link CausalLm#score}'s rules.
     */
    List<Extended> extend(Past past, List<Extension> rows);

    /**
     * Starts greedy decoding of a batch: row {@code r} continues {@code pasts.get(r)} ({@code null}: nothing) with
     * {@code tokens[r]}, in one pass, after which {@link Decoding#next()} gives each row's most likely next token.
     * The pasts may differ in length and may repeat; they are read during this call and may be closed after it.
     * The rows are aligned on the longest: after {@code k} appends the batch spans the longest row plus {@code k}
     * tokens, which must fit the model's context.
     */
    Decoding decode(List<Past> pasts, int[] tokens);

    /** A batch being decoded, one token per row per step, each step against the cached keys and values. */
    interface Decoding extends AutoCloseable {
        /** Each row's most likely next token (the first on ties). */
        int[] next();

        /** Appends one token to every row and runs them. */
        void append(int[] tokens);

        @Override
        void close();
    }
}
