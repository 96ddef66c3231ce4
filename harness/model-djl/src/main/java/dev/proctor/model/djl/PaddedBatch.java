package dev.proctor.model.djl;

import dev.proctor.api.ProctorException;
import dev.proctor.lm.ScoreQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of token sequences padded to its longest, as flat row-major {@code [batch, length]} int64 arrays, and the
 * distinct logits rows ({@code b * length + position}) wanted from it. Scoring pads on the right; generation pads on
 * the left (every row's last token at the same position, as a KV cache needs), with position ids counting from the
 * first real token so a row's numbers do not depend on its padding.
 *
 * @param batchSize     number of sequences
 * @param length        the longest sequence; every row is padded to it
 * @param inputIds      token ids, padding filled with the pad id
 * @param attentionMask 1 for real tokens, 0 for padding
 * @param positionIds   0..len-1 for real tokens, 0 for padding
 * @param rows          the distinct flat logits rows asked for, in first-asked order
 * @param rowOfTarget   for sequence i and its j-th wanted position, the index into {@code rows}
 */
record PaddedBatch(int batchSize, int length, long[] inputIds, long[] attentionMask, long[] positionIds,
                   long[] rows, int[][] rowOfTarget) {

    /** Score queries, right-padded: each query's positions are the rows it wants. */
    static PaddedBatch of(List<ScoreQuery> batch, int padId, int maxContextLength) {
        int[][] tokens = new int[batch.size()][];
        int[][] wanted = new int[batch.size()][];
        for (int b = 0; b < batch.size(); b++) {
            tokens[b] = batch.get(b).tokens();
            wanted[b] = batch.get(b).positions();
        }
        return pad(tokens, wanted, padId, maxContextLength, false);
    }

    /** Sequences whose next token is wanted: each wants its last position. */
    static PaddedBatch lastPositions(List<int[]> sequences, int padId, int maxContextLength, boolean left) {
        int[][] tokens = sequences.toArray(int[][]::new);
        int[][] wanted = new int[tokens.length][];
        for (int b = 0; b < tokens.length; b++) {
            if (tokens[b].length == 0) {
                throw new ProctorException("an empty sequence has no next token");
            }
            wanted[b] = new int[] {tokens[b].length - 1};
        }
        return pad(tokens, wanted, padId, maxContextLength, left);
    }

    /**
     * @param wanted per sequence, positions counted in the sequence itself (0 = its first real token)
     * @throws ProctorException if a sequence is longer than the model's context or holds a negative token id
     */
    private static PaddedBatch pad(int[][] tokens, int[][] wanted, int padId, int maxContextLength, boolean left) {
        int length = 0;
        for (int[] t : tokens) {
            if (t.length > maxContextLength) {
                throw new ProctorException("a sequence of " + t.length + " tokens is longer than the model's"
                        + " context of " + maxContextLength + " tokens; the harness should have shortened it");
            }
            length = Math.max(length, t.length);
        }
        int size = tokens.length * length;
        long[] ids = new long[size];
        long[] mask = new long[size];
        long[] positions = new long[size];
        Map<Long, Integer> rowIndex = new LinkedHashMap<>();
        int[][] rowOfTarget = new int[tokens.length][];
        for (int b = 0; b < tokens.length; b++) {
            int[] row = tokens[b];
            int offset = b * length;
            int shift = left ? length - row.length : 0; // where the row's first real token sits
            for (int t = 0; t < length; t++) {
                int i = t - shift;
                boolean real = i >= 0 && i < row.length;
                if (real && row[i] < 0) {
                    throw new ProctorException("negative token id " + row[i] + " at position " + i + " of a sequence");
                }
                ids[offset + t] = real ? row[i] : padId;
                mask[offset + t] = real ? 1 : 0;
                positions[offset + t] = real ? i : 0;
            }
            rowOfTarget[b] = new int[wanted[b].length];
            for (int j = 0; j < wanted[b].length; j++) {
                rowOfTarget[b][j] = rowIndex.computeIfAbsent((long) offset + shift + wanted[b][j], k -> rowIndex.size());
            }
        }
        long[] rows = rowIndex.keySet().stream().mapToLong(Long::longValue).toArray();
        return new PaddedBatch(tokens.length, length, ids, mask, positions, rows, rowOfTarget);
    }
}
