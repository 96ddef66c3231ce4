package dev.proctor.model.djl.encoder;

import java.util.List;

/** The two model formats an encoder folder may hold, each run by its DJL engine, and the model scheme of each. */
public enum EncoderEngine {
    /** An {@code .onnx} graph; its inputs are fed by the names it declares. */
    ONNX("onnx-encoder", "OnnxRuntime", ".onnx"),
    /**
     * A traced or scripted {@code .pt} module; TorchScript inputs carry no names, so they are fed by position, in
     * the order {@code encoder.json}'s {@code inputs} gives (default {@link #DEFAULT_TORCHSCRIPT_INPUTS}).
     */
    TORCHSCRIPT("torchscript-encoder", "PyTorch", ".pt");

    /** DJL's text-embedding convention for traced models: {@code forward(input_ids, attention_mask)}. */
    public static final List<String> DEFAULT_TORCHSCRIPT_INPUTS = List.of("input_ids", "attention_mask");

    private final String scheme;
    private final String djlEngine;
    private final String extension;

    EncoderEngine(String scheme, String djlEngine, String extension) {
        this.scheme = scheme;
        this.djlEngine = djlEngine;
        this.extension = extension;
    }

    /** The {@code --model} scheme, e.g. {@code torchscript-encoder}. */
    public String scheme() {
        return scheme;
    }

    /** The DJL engine name. */
    public String djlEngine() {
        return djlEngine;
    }

    /** The model file's extension, with its dot. */
    public String extension() {
        return extension;
    }
}
