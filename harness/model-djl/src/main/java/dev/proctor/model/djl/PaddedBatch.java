package dev.proctor.model.djl;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ScoreQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of queries right-padded to its longest sequence, as flat row-major {@code [batch, length]} int64 arrays,
 * and the distinct logits rows ({@code b * length + position}) the queries ask for.
 *
 * @param batchSize     number of sequences
 * @param length        the longest sequence; every row is padded to it
 * @param inputIds      token ids, padding filled with the pad id
 * @param attentionMask 1 for real tokens, 0 for padding
 * @param positionIds   0..len-1 for real tokens, 0 for padding
 * @param rows          the distinct flat logits rows asked for, in first-asked order
 * @param rowOfTarget   for query i and its j-th target, the index into {@code rows}
 */
record PaddedBatch(int batchSize, int length, long[] inputIds, long[] attentionMask, long[] positionIds,
                   long[] rows, int[][] rowOfTarget) {

    /**
     * @throws ProctorException if a query is longer than the model's context or holds a negative token id
     */
    static PaddedBatch of(List<ScoreQuery> batch, int padId, int maxContextLength) {
        int length = 0;
        for (ScoreQuery query : batch) {
            if (query.tokens().length > maxContextLength) {
                throw new ProctorException("a query of " + query.tokens().length + " tokens is longer than the model's"
                        + " context of " + maxContextLength + " tokens; the harness should have shortened it");
            }
            length = Math.max(length, query.tokens().length);
        }
        int size = batch.size() * length;
        long[] ids = new long[size];
        long[] mask = new long[size];
        long[] positions = new long[size];
        Map<Long, Integer> rowIndex = new LinkedHashMap<>();
        int[][] rowOfTarget = new int[batch.size()][];
        for (int b = 0; b < batch.size(); b++) {
            ScoreQuery query = batch.get(b);
            int offset = b * length;
            int[] tokens = query.tokens();
            for (int t = 0; t < length; t++) {
                boolean real = t < tokens.length;
                if (real && tokens[t] < 0) {
                    throw new ProctorException("negative token id " + tokens[t] + " at position " + t + " of a query");
                }
                ids[offset + t] = real ? tokens[t] : padId;
                mask[offset + t] = real ? 1 : 0;
                positions[offset + t] = real ? t : 0;
            }
            int[] wanted = query.positions();
            rowOfTarget[b] = new int[wanted.length];
            for (int j = 0; j < wanted.length; j++) {
                rowOfTarget[b][j] = rowIndex.computeIfAbsent((long) offset + wanted[j], k -> rowIndex.size());
            }
        }
        long[] rows = rowIndex.keySet().stream().mapToLong(Long::longValue).toArray();
        return new PaddedBatch(batch.size(), length, ids, mask, positions, rows, rowOfTarget);
    }
}
