package dev.proctor.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.onnxruntime.engine.OrtNDArray;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import dev.proctor.api.ProctorException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads chosen rows of an ONNX Runtime output tensor without copying the whole tensor onto the Java heap.
 *
 * <p>ONNX Runtime has no gather in DJL (its NDArray supports almost no operators), and every public accessor of
 * {@link OnnxTensor} ({@code getFloatBuffer}, {@code getByteBuffer}, {@code getValue}) copies the entire tensor:
 * for logits {@code [batch, length, vocab]} that is hundreds of megabytes per batch. The tensor's private
 * {@code getBuffer()} returns a direct {@link ByteBuffer} over ONNX Runtime's own memory (which the public
 * accessors then copy); this class reads only the wanted rows through it. Should a future ONNX Runtime drop that
 * method, the public full copy is used instead, with one warning.
 */
final class OrtRows {
    private static final Logger LOG = LoggerFactory.getLogger(OrtRows.class);
    private static final Method DIRECT_VIEW = directView();

    private OrtRows() {
    }

    /** Whether rows are read in place from ONNX Runtime's memory (false: the whole tensor is copied first). */
    static boolean inPlace() {
        return DIRECT_VIEW != null;
    }

    /** The given flat rows of a float32 {@code [..., vocab]} tensor, as one {@code [rows, vocab]} array. */
    static float[] read(NDArray logits, long[] rows, int vocab) {
        FloatBuffer all = floats(logits, "logits");
        float[] out = new float[Math.multiplyExact(rows.length, vocab)];
        for (int r = 0; r < rows.length; r++) {
            all.get(Math.toIntExact(rows[r] * vocab), out, r * vocab, vocab);
        }
        return out;
    }

    /** A float32 output's values, in place where possible; {@code what} names it in the error for another type. */
    static FloatBuffer floats(NDArray array, String what) {
        OnnxTensor tensor = ((OrtNDArray) array).getTensor();
        if (tensor.getInfo().type != OnnxJavaType.FLOAT) {
            throw new ProctorException("the ONNX model's " + what + " output is " + tensor.getInfo().type
                    + "; Proctor reads float32 outputs (export the model with float32 outputs)");
        }
        return floats(tensor);
    }

    private static FloatBuffer floats(OnnxTensor tensor) {
        if (DIRECT_VIEW != null) {
            try {
                return ((ByteBuffer) DIRECT_VIEW.invoke(tensor)).order(ByteOrder.nativeOrder()).asFloatBuffer();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ProctorException("cannot read ONNX Runtime's logits in place: " + e, e);
            }
        }
        return tensor.getFloatBuffer();
    }

    private static Method directView() {
        try {
            Method method = OnnxTensor.class.getDeclaredMethod("getBuffer");
            method.setAccessible(true);
            if (!ByteBuffer.class.isAssignableFrom(method.getReturnType())) {
                throw new NoSuchMethodException("OnnxTensor.getBuffer() returns " + method.getReturnType());
            }
            return method;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("ONNX Runtime's OnnxTensor has no usable getBuffer() ({}): each batch's logits will be copied whole"
                    + " to the Java heap before the wanted rows are taken", e.toString());
            return null;
        }
    }
}
