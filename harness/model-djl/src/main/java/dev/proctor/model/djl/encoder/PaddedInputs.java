package dev.proctor.model.djl.encoder;

/**
 * One forward call's inputs, right-padded to the longest text, as flat row-major {@code [batch, length]} int64
 * arrays (the layout ONNX Runtime takes).
 *
 * @param indices       which texts of the call to {@code encode} these rows are
 * @param length        padded length
 * @param inputIds      token ids, padding with id 0 ({@code [PAD]} in BERT vocabularies)
 * @param attentionMask 1 for tokens, 0 for padding
 * @param tokenTypeIds  segment ids (0 for single sentences)
 * @param realLengths   tokens per row
 */
public record PaddedInputs(int[] indices, int length, long[] inputIds, long[] attentionMask, long[] tokenTypeIds,
                           int[] realLengths) {
    /** The inputs an encoder may take, by their conventional (HuggingFace) names. */
    public static final java.util.List<String> NAMES = java.util.List.of("input_ids", "attention_mask", "token_type_ids");

    public int batchSize() {
        return indices.length;
    }

    static PaddedInputs of(int[] indices, long[][] ids, long[][] types) {
        int length = 0;
        for (int i : indices) {
            length = Math.max(length, ids[i].length);
        }
        int n = indices.length;
        long[] inputIds = new long[n * length];
        long[] mask = new long[n * length];
        long[] typeIds = new long[n * length];
        int[] real = new int[n];
        for (int b = 0; b < n; b++) {
            long[] row = ids[indices[b]];
            System.arraycopy(row, 0, inputIds, b * length, row.length);
            System.arraycopy(types[indices[b]], 0, typeIds, b * length, row.length);
            java.util.Arrays.fill(mask, b * length, b * length + row.length, 1L);
            real[b] = row.length;
        }
        return new PaddedInputs(indices, length, inputIds, mask, typeIds, real);
    }

    /** The flat array input {@code name} takes. */
    long[] input(String name) {
        return switch (name) {
            case "input_ids" -> inputIds;
            case "attention_mask" -> attentionMask;
            case "token_type_ids" -> tokenTypeIds;
            default -> throw new IllegalArgumentException("no such encoder input: " + name);
        };
    }
}
