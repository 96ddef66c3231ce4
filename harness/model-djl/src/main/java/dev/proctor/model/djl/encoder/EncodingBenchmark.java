package dev.proctor.model.djl.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encoding throughput of the whole encoder (tokenize, batch, pad, DJL forward, pool, normalise) against ONNX
 * Runtime's own session run on the very same padded batches (output read into a float buffer, as any caller
 * must). Rounds alternate between the two so a busy machine slows both alike; medians are reported.
 *
 * @param texts        passages per round
 * @param docsPerSecond median passages per second through the encoder
 * @param directDocsPerSecond median passages per second through ONNX Runtime alone
 * @param ratio        direct time / encoder time (1 = no overhead)
 * @param batches      forward calls per round
 * @param paddingEfficiency real tokens / fed tokens
 */
public record EncodingBenchmark(int texts, double docsPerSecond, double directDocsPerSecond, double ratio,
                                int batches, double paddingEfficiency) {

    public static EncodingBenchmark run(EncoderSpec spec, int batchTokens, List<String> texts, int rounds) {
        try (DjlTextEncoder encoder = DjlTextEncoder.open(spec);
             OrtSession session = OrtEnvironment.getEnvironment().createSession(spec.files().model().toString(),
                     new OrtSession.SessionOptions())) {
            List<PaddedInputs> batches = encoder.plan(texts, batchTokens);
            List<String> inputs = encoder.inputs();
            TextEncoder.BatchListener ignore = (indices, vectors, stats) -> { };
            encoder.encode(texts, batchTokens, ignore); // warm-up: JIT, ORT arena
            direct(session, batches, inputs);
            double[] ours = new double[rounds];
            double[] theirs = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                encoder.encode(texts, batchTokens, ignore);
                long t1 = System.nanoTime();
                direct(session, batches, inputs);
                long t2 = System.nanoTime();
                ours[r] = (t1 - t0) / 1e9;
                theirs[r] = (t2 - t1) / 1e9;
            }
            long real = batches.stream().mapToLong(b -> Arrays.stream(b.realLengths()).sum()).sum();
            long fed = batches.stream().mapToLong(b -> (long) b.batchSize() * b.length()).sum();
            double oursMedian = median(ours);
            double theirsMedian = median(theirs);
            return new EncodingBenchmark(texts.size(), texts.size() / oursMedian, texts.size() / theirsMedian,
                    theirsMedian / oursMedian, batches.size(), (double) real / fed);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    /** Runs the graph on each batch and reads the output, nothing else. */
    static void direct(OrtSession session, List<PaddedInputs> batches, List<String> inputs) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float sink = 0;
        for (PaddedInputs b : batches) {
            long[] shape = {b.batchSize(), b.length()};
            Map<String, OnnxTensor> feed = new HashMap<>();
            try {
                for (String name : inputs) {
                    long[] data = switch (name) {
                        case "input_ids" -> b.inputIds();
                        case "attention_mask" -> b.attentionMask();
                        default -> b.tokenTypeIds();
                    };
                    feed.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
                }
                try (OrtSession.Result out = session.run(feed)) {
                    sink += ((OnnxTensor) out.get(0)).getFloatBuffer().get(0);
                }
            } finally {
                feed.values().forEach(OnnxTensor::close);
            }
        }
        if (Float.isNaN(sink)) {
            throw new IllegalStateException("NaN output");
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
