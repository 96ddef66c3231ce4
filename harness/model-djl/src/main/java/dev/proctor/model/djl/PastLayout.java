package dev.proctor.model.djl;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import dev.proctor.api.ProctorException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The past keys and values an ONNX causal LM takes and returns, in the layout Hugging Face Optimum exports decoders
 * with: inputs {@code past_key_values.{i}.key/value} and outputs {@code present.{i}.key/value}, float32
 * {@code [batch, heads, sequence, width]}, the present being the past with the new tokens appended on axis 2; the
 * attention mask then covers past and new tokens, and position ids count from the past's length. Heads and width
 * are read per tensor, so grouped-query attention and extra state (Proctor's tiny GPT keeps its token-shift inputs
 * as one more entry) need nothing special.
 *
 * @param tensors every past input with its present output, in the graph's input order
 */
record PastLayout(List<PastTensor> tensors) {
    static final String PAST = "past_key_values.";
    static final String PRESENT = "present.";
    private static final Pattern ENTRY = Pattern.compile("(\\d+)\\.(key|value)");

    /**
     * One past input and the output that returns it extended.
     *
     * @param input  its input name
     * @param output its present output's name
     * @param heads  axis 1
     * @param width  axis 3
     */
    record PastTensor(String input, String output, long heads, long width) {
    }

    /** Whether the graph takes any past input. */
    static boolean declared(List<String> inputs) {
        return inputs.stream().anyMatch(name -> name.startsWith(PAST));
    }

    /**
     * The graph's past layout.
     *
     * @throws ProctorException naming the model file and what was expected, for an incomplete or unusual cache
     */
    static PastLayout of(OrtGraph graph, Path modelFile) {
        List<PastTensor> tensors = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        TreeSet<String> values = new TreeSet<>();
        for (Map.Entry<String, TensorInfo> input : graph.inputs().entrySet()) {
            String name = input.getKey();
            if (!name.startsWith(PAST)) {
                continue;
            }
            Matcher m = ENTRY.matcher(name.substring(PAST.length()));
            if (!m.matches()) {
                throw refused(modelFile, graph, "input " + name + " is not named past_key_values.{i}.key or .value");
            }
            (m.group(2).equals("key") ? keys : values).add(m.group(1));
            String output = PRESENT + name.substring(PAST.length());
            if (!graph.outputs().containsKey(output)) {
                throw refused(modelFile, graph, "input " + name + " has no output " + output
                        + " returning the cache extended by the new tokens");
            }
            TensorInfo info = input.getValue();
            long[] shape = info.getShape();
            if (info.type != OnnxJavaType.FLOAT || shape.length != 4 || shape[1] <= 0 || shape[3] <= 0) {
                throw refused(modelFile, graph, "input " + name + " is " + info.type + " " + Arrays.toString(shape)
                        + "; Proctor runs float32 [batch, heads, past_sequence, width] caches with fixed heads and width");
            }
            tensors.add(new PastTensor(name, output, shape[1], shape[3]));
        }
        if (!keys.equals(values)) {
            TreeSet<String> unpaired = new TreeSet<>(keys);
            unpaired.addAll(values);
            unpaired.removeAll(keys.stream().filter(values::contains).toList());
            throw refused(modelFile, graph, "layers " + unpaired + " have a past key without its value or a value"
                    + " without its key");
        }
        for (String needed : List.of("attention_mask", "position_ids")) {
            if (!graph.inputs().containsKey(needed)) {
                throw refused(modelFile, graph, "a graph with past key values must also take " + needed
                        + " (the mask covers past and new tokens, positions count from the past's length)");
            }
        }
        return new PastLayout(List.copyOf(tensors));
    }

    private static ProctorException refused(Path modelFile, OrtGraph graph, String what) {
        return new ProctorException(modelFile.toAbsolutePath() + " declares a KV cache Proctor cannot run: " + what
                + ". Expected Hugging Face Optimum's layout: inputs past_key_values.{i}.key/value, outputs"
                + " present.{i}.key/value. Declared inputs: " + graph.inputs().keySet() + "; outputs: "
                + graph.outputs().keySet());
    }
}
