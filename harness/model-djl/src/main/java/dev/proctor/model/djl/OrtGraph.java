package dev.proctor.model.djl;

import ai.djl.nn.Block;
import ai.djl.onnxruntime.engine.OrtSymbolBlock;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.proctor.api.ProctorException;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The declared inputs and outputs of a loaded ONNX graph, with their element types and shapes (-1 for a dynamic
 * axis). DJL's {@link OrtSymbolBlock} gives input names only, and a KV cache needs more: the past tensors' fixed
 * dimensions to feed an empty past, and the outputs that return it. They are read from the block's ONNX Runtime
 * session, a private field, since DJL has no accessor for it.
 *
 * @param inputs  input name to tensor info, in the graph's order
 * @param outputs output name to tensor info, in the graph's order
 */
record OrtGraph(Map<String, TensorInfo> inputs, Map<String, TensorInfo> outputs) {

    static OrtGraph of(Block block) {
        if (!(block instanceof OrtSymbolBlock)) {
            throw new ProctorException("expected an ONNX Runtime block, found " + block.getClass().getName());
        }
        try {
            Field field = OrtSymbolBlock.class.getDeclaredField("session");
            field.setAccessible(true);
            OrtSession session = (OrtSession) field.get(block);
            return new OrtGraph(tensors(session.getInputInfo()), tensors(session.getOutputInfo()));
        } catch (ReflectiveOperationException | OrtException | RuntimeException e) {
            throw new ProctorException("cannot read the ONNX graph's input and output shapes from DJL's OrtSymbolBlock"
                    + " (needed to feed its past key values): " + e, e);
        }
    }

    private static Map<String, TensorInfo> tensors(Map<String, NodeInfo> nodes) {
        Map<String, TensorInfo> out = new LinkedHashMap<>();
        nodes.forEach((name, node) -> {
            if (node.getInfo() instanceof TensorInfo tensor) {
                out.put(name, tensor);
            }
        });
        return out;
    }
}
