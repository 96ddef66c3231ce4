package dev.proctor.tasks.retrieval.encode;

import java.util.Arrays;
import java.util.List;

/**
 * The two model formats an encoder folder may hold, each run by its DJL engine. The {@code --encoder} prefixes
 * match the model providers' ({@code onnx:DIR}, {@code torchscript:DIR}).
 */
public enum EncoderEngine {
    /** An {@code .onnx} graph; its inputs are fed by the names it declares. */
    ONNX("onnx", "OnnxRuntime", ".onnx"),
    /**
     * A traced or scripted {@code .pt} module; TorchScript inputs carry no names, so they are fed by position, in
     * the order {@code encoder.json}'s {@code inputs} gives (default {@link #DEFAULT_TORCHSCRIPT_INPUTS}).
     */
    TORCHSCRIPT("torchscript", "PyTorch", ".pt");

    /** DJL's text-embedding convention for traced models: {@code forward(input_ids, attention_mask)}. */
    public static final List<String> DEFAULT_TORCHSCRIPT_INPUTS = List.of("input_ids", "attention_mask");

    private final String id;
    private final String djlEngine;
    private final String extension;

    EncoderEngine(String id, String djlEngine, String extension) {
        this.id = id;
        this.djlEngine = djlEngine;
        this.extension = extension;
    }

    /** The {@code --encoder} prefix, e.g. {@code torchscript:}. */
    public String prefix() {
        return id + ":";
    }

    /** The DJL engine name. */
    public String djlEngine() {
        return djlEngine;
    }

    /** The model file's extension, with its dot. */
    public String extension() {
        return extension;
    }

    /** The engine whose prefix starts {@code spec}, if any. */
    public static java.util.Optional<EncoderEngine> ofPrefix(String spec) {
        return Arrays.stream(values()).filter(e -> spec.startsWith(e.prefix())).findFirst();
    }
}
