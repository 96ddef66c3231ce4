package dev.proctor.model.djl;

import ai.djl.ndarray.types.Shape;
import ai.djl.util.PairList;
import dev.proctor.api.ProctorException;

/**
 * The longest sequence a model accepts, and where that was read: config.json where it says, else the graph's
 * {@code input_ids} where its length is fixed. Never a guess: a model that declares neither is refused, because a
 * wrong length either truncates prompts the model could read or feeds it positions it never learned (and then fails
 * deep inside the engine).
 *
 * @param tokens the context length
 * @param source where it was read
 */
record ContextLength(int tokens, String source) {

    static ContextLength of(ModelDirectory files, PairList<String, Shape> inputs) {
        if (files.configContext().isPresent()) {
            return new ContextLength(files.configContext().getAsInt(), files.contextSource());
        }
        int fromGraph = fixedLength(inputs);
        if (fromGraph > 0) {
            return new ContextLength(fromGraph, "the graph's input_ids length");
        }
        throw new ProctorException("the context length of " + files.modelFile() + " is not known: "
                + files.contextSource() + ", and the graph's input_ids has no fixed length; add "
                + files.dir().resolve("config.json") + " with {\"max_position_embeddings\": N}, N being the model's"
                + " context length (the value in its original config.json)");
    }

    /** The sequence length of {@code input_ids} when the graph fixes it, else 0. */
    static int fixedLength(PairList<String, Shape> inputs) {
        if (inputs == null) {
            return 0;
        }
        for (int i = 0; i < inputs.size(); i++) {
            Shape shape = inputs.get(i).getValue();
            if ("input_ids".equals(inputs.get(i).getKey()) && shape != null && shape.dimension() == 2
                    && shape.get(1) > 0) {
                return (int) shape.get(1);
            }
        }
        return 0;
    }
}
