package dev.proctor.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.proctor.api.ProctorException;
import dev.proctor.lm.KvCache;
import dev.proctor.lm.ScoreQuery;
import dev.proctor.lm.TargetScores;
import dev.proctor.model.djl.PastLayout.PastTensor;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The KV cache of an ONNX graph with past key values ({@link PastLayout}).
 *
 * <ul>
 *   <li>Scoring ({@link #extend}): a kept past is one row's real positions of each present, copied once into direct
 *       memory. A batch of one row feeds it in place; a larger batch repeats it per row (ONNX Runtime's NDArray has
 *       no operators to broadcast in place). Every row of a batch shares the past, so nothing is padded on the left;
 *       the new tokens are padded on the right.</li>
 *   <li>Decoding ({@link #decode}): the contexts are left-padded as generation does without a cache, and each
 *       step's presents are fed back as the next step's past without leaving ONNX Runtime.</li>
 * </ul>
 */
final class OnnxKvCache implements KvCache {
    /** Direct memory kept for reuse between passes. */
    private static final long REUSED_BYTES = 1L << 30;

    private final OnnxCausalLm lm;
    private final PastLayout layout;
    private final DirectBuffers buffers = new DirectBuffers(REUSED_BYTES);

    OnnxKvCache(OnnxCausalLm lm, PastLayout layout) {
        this.lm = lm;
        this.layout = layout;
    }

    /** Zero-length past tensors for {@code rows} rows: what a pass without a past feeds. */
    static Map<String, NDArray> emptyPast(NDManager scope, PastLayout layout, int rows) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (PastTensor t : layout.tensors()) {
            out.put(t.input(), scope.create(new float[0], new Shape(rows, t.heads(), 0, t.width())));
        }
        return out;
    }

    @Override
    public List<Extended> extend(Past past, List<Extension> rows) {
        HostPast parent = past == null ? null : ((HostPast) past).open();
        int p = parent == null ? 0 : parent.length;
        List<ScoreQuery> queries = rows.stream().map(Extension::query).toList();
        PaddedBatch padded = PaddedBatch.of(queries, lm.tokenizer().eosTokenId(),
                lm.tokenizer().maxContextLength() - p);
        int b = padded.batchSize();
        int s = padded.length();
        long[] mask = new long[b * (p + s)];
        long[] positions = new long[b * s];
        for (int r = 0; r < b; r++) {
            Arrays.fill(mask, r * (p + s), r * (p + s) + p, 1);
            for (int t = 0; t < s; t++) {
                long real = padded.attentionMask()[r * s + t];
                mask[r * (p + s) + p + t] = real;
                positions[r * s + t] = real == 1 ? p + padded.positionIds()[r * s + t] : 0;
            }
        }
        HostPast[] kept = new HostPast[b];
        List<DirectBuffers.Lease> leases = new ArrayList<>();
        List<TargetScores> scores;
        try {
            DjlCausalLm.Rows wanted = lm.run(padded, scope -> {
                Map<String, NDArray> pasts = parent == null ? emptyPast(scope, layout, b)
                        : tiled(scope, parent, b, leases);
                NDList out = lm.run(scope, padded.inputIds(), mask, positions, b, s, p, pasts);
                for (int r = 0; r < b; r++) {
                    if (rows.get(r).keep()) {
                        kept[r] = new HostPast(out, r, b, p + s, p + queries.get(r).tokens().length);
                    }
                }
                return OnnxCausalLm.logits(out);
            });
            scores = lm.scores(queries, padded, wanted);
        } catch (RuntimeException | Error e) { // direct memory runs out as an Error
            Arrays.stream(kept).filter(Objects::nonNull).forEach(HostPast::close);
            throw e;
        } finally {
            leases.forEach(buffers::give); // the pass's scope, and the tensors over them, are closed
        }
        List<Extended> out = new ArrayList<>(b);
        for (int r = 0; r < b; r++) {
            out.add(new Extended(scores.get(r), kept[r]));
        }
        return out;
    }

    /**
     * The parent's past for {@code rows} rows: its own tensors for one row (fed in place), else repeated into direct
     * buffers ONNX Runtime reads in place (leased; given back after the pass).
     */
    private Map<String, NDArray> tiled(NDManager scope, HostPast parent, int rows, List<DirectBuffers.Lease> leases) {
        if (rows == 1) {
            return parent.tensors;
        }
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (PastTensor t : layout.tensors()) {
            FloatBuffer one = OrtRows.floats(parent.tensors.get(t.input()), t.input());
            DirectBuffers.Lease lease = buffers.take(Math.multiplyExact(one.remaining(), rows));
            leases.add(lease);
            FloatBuffer all = lease.floats();
            for (int r = 0; r < rows; r++) {
                all.put(one.duplicate());
            }
            all.flip();
            out.put(t.input(), scope.create(all, new Shape(rows, t.heads(), parent.length, t.width()),
                    DataType.FLOAT32));
        }
        return out;
    }

    @Override
    public Decoding decode(List<Past> pasts, int[] tokens) {
        return new BatchDecoding(pasts.stream().map(p -> p == null ? null : ((HostPast) p).open()).toList(), tokens);
    }

    /**
     * One row's past, outside the pass that made it: per past tensor {@code [1, heads, length, width]} in direct
     * memory, named as the input it feeds, owned by its own manager.
     */
    private final class HostPast implements Past {
        private final int length;
        private final NDManager manager = lm.model().getNDManager().newSubManager();
        private final Map<String, NDArray> tensors = new LinkedHashMap<>();
        private final List<DirectBuffers.Lease> leases = new ArrayList<>();
        private boolean closed;

        /** Row {@code row}'s first {@code length} positions of each present ({@code [rows, heads, total, width]}). */
        HostPast(NDList out, int row, int rows, int total, int length) {
            this.length = length;
            try {
                copy(out, row, rows, total);
            } catch (RuntimeException | Error e) { // a half-made past frees what it took
                close();
                throw e;
            }
        }

        private void copy(NDList out, int row, int rows, int total) {
            for (PastTensor t : layout.tensors()) {
                FloatBuffer all = OrtRows.floats(output(out, t, rows, total), t.output());
                int width = Math.toIntExact(t.width());
                int heads = Math.toIntExact(t.heads());
                DirectBuffers.Lease lease = buffers.take(heads * length * width);
                leases.add(lease);
                FloatBuffer mine = lease.floats();
                for (int h = 0; h < heads; h++) {
                    int from = Math.toIntExact((((long) row * heads + h) * total) * width);
                    mine.put(all.slice(from, length * width));
                }
                mine.flip();
                NDArray array = manager.create(mine, new Shape(1, t.heads(), length, t.width()), DataType.FLOAT32);
                array.setName(t.input());
                tensors.put(t.input(), array);
            }
        }

        HostPast open() {
            if (closed) {
                throw new IllegalStateException("a closed past was continued");
            }
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                manager.close();
                leases.forEach(buffers::give);
            }
        }
    }

    /** The present output returning {@code t}, checked to be {@code [rows, heads, total, width]}. */
    private static NDArray output(NDList out, PastTensor t, int rows, int total) {
        NDArray present = out.stream().filter(a -> t.output().equals(a.getName())).findFirst()
                .orElseThrow(() -> new ProctorException("the model returned no " + t.output() + " output"));
        Shape expected = new Shape(rows, t.heads(), total, t.width());
        if (!present.getShape().equals(expected)) {
            throw new ProctorException("the model returned " + t.output() + " of shape " + present.getShape()
                    + "; expected " + expected + " (the past extended by the new tokens)");
        }
        return present;
    }

    /**
     * A batch decoding greedily. The rows' pasts are left-padded to the longest, so each row's real tokens end at the
     * same position and stay contiguous as one token per row is appended; the mask keeps the padding out.
     */
    private final class BatchDecoding implements Decoding {
        private final NDManager manager = lm.model().getNDManager().newSubManager();
        private final int rows;
        private final long[] nextPosition;
        private long[] mask;
        private int total;
        private Map<String, NDArray> past;
        private int[] next;

        BatchDecoding(List<HostPast> pasts, int[] tokens) {
            rows = tokens.length;
            int longest = pasts.stream().mapToInt(p -> p == null ? 0 : p.length).max().orElse(0);
            nextPosition = new long[rows];
            total = longest + 1;
            mask = new long[rows * total];
            for (int r = 0; r < rows; r++) {
                int length = pasts.get(r) == null ? 0 : pasts.get(r).length;
                Arrays.fill(mask, r * total + longest - length, (r + 1) * total, 1);
                nextPosition[r] = length;
            }
            List<DirectBuffers.Lease> leases = new ArrayList<>();
            try {
                append(tokens, scope -> longest == 0 ? emptyPast(scope, layout, rows)
                        : leftPadded(scope, pasts, longest, leases), false);
            } catch (RuntimeException | Error e) { // direct memory runs out as an Error
                manager.close();
                throw e;
            } finally {
                leases.forEach(buffers::give);
            }
        }

        /** The rows' pasts in one {@code [rows, heads, longest, width]} tensor each, padding zeros on the left. */
        private Map<String, NDArray> leftPadded(NDManager scope, List<HostPast> pasts, int longest,
                                               List<DirectBuffers.Lease> leases) {
            Map<String, NDArray> out = new LinkedHashMap<>();
            for (PastTensor t : layout.tensors()) {
                int heads = Math.toIntExact(t.heads());
                int width = Math.toIntExact(t.width());
                DirectBuffers.Lease lease = buffers.take(rows * heads * longest * width);
                leases.add(lease);
                FloatBuffer all = lease.floats();
                float[] zeros = new float[longest * width];
                for (int r = 0; r < rows; r++) {
                    HostPast p = pasts.get(r);
                    int length = p == null ? 0 : p.length;
                    FloatBuffer own = p == null ? null : OrtRows.floats(p.tensors.get(t.input()), t.input());
                    for (int h = 0; h < heads; h++) {
                        all.put(zeros, 0, (longest - length) * width);
                        if (own != null) {
                            all.put(own.slice(h * length * width, length * width));
                        }
                    }
                }
                all.flip();
                out.put(t.input(), scope.create(all, new Shape(rows, t.heads(), longest, t.width()), DataType.FLOAT32));
            }
            return out;
        }

        @Override
        public int[] next() {
            return next.clone();
        }

        @Override
        public void append(int[] tokens) {
            Map<String, NDArray> fed = past;
            append(tokens, scope -> fed, true);
        }

        /**
         * Runs one token per row after the past {@code pastOf} gives ({@code widen}: the mask grows by that token
         * first), keeps the presents as the new past, and reads each row's argmax.
         */
        private void append(int[] tokens, Function<NDManager, Map<String, NDArray>> pastOf, boolean widen) {
            if (tokens.length != rows) {
                throw new IllegalArgumentException(tokens.length + " tokens for " + rows + " rows");
            }
            if (widen) {
                if (total + 1 > lm.tokenizer().maxContextLength()) {
                    throw new ProctorException("decoding past the model's context of "
                            + lm.tokenizer().maxContextLength() + " tokens");
                }
                long[] wider = new long[rows * (total + 1)];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(mask, r * total, wider, r * (total + 1), total);
                    wider[r * (total + 1) + total] = 1;
                }
                mask = wider;
                total++;
            }
            long[] ids = new long[rows];
            long[] positions = new long[rows];
            long[] ones = new long[rows];
            long[] flat = new long[rows];
            int[][] rowOfTarget = new int[rows][];
            for (int r = 0; r < rows; r++) {
                ids[r] = tokens[r];
                positions[r] = nextPosition[r]++;
                ones[r] = 1;
                flat[r] = r;
                rowOfTarget[r] = new int[] {r};
            }
            PaddedBatch one = new PaddedBatch(rows, 1, ids, ones, positions, flat, rowOfTarget);
            step(one, positions, pastOf);
        }

        /** Runs {@code batch}'s tokens after the past, keeps the presents as the new past, and reads the argmax. */
        private void step(PaddedBatch batch, long[] positions, Function<NDManager, Map<String, NDArray>> pastOf) {
            DjlCausalLm.Rows wanted = lm.run(batch, scope -> {
                Map<String, NDArray> fed = pastOf.apply(scope);
                NDList out = lm.run(scope, batch.inputIds(), mask, positions, rows, batch.length(),
                        total - batch.length(), fed);
                Map<String, NDArray> kept = new LinkedHashMap<>();
                for (PastTensor t : layout.tensors()) {
                    NDArray present = output(out, t, rows, total);
                    present.attach(manager);
                    present.setName(t.input());
                    kept.put(t.input(), present);
                }
                if (past != null) {
                    past.values().forEach(NDArray::close);
                }
                past = kept;
                return OnnxCausalLm.logits(out);
            });
            next = new int[rows];
            for (int r = 0; r < rows; r++) {
                next[r] = wanted.argmax[batch.rowOfTarget()[r][0]];
            }
        }

        @Override
        public void close() {
            manager.close();
        }
    }
}
