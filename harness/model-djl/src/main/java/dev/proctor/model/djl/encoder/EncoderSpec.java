package dev.proctor.model.djl.encoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An encoder's files and configuration: an embedded encoder ({@code bge-small-en}, {@code bge-small-zh},
 * {@code minilm}), or a folder with one {@code .onnx} graph ({@code onnx-encoder:DIR}) or one {@code .pt} module
 * ({@code torchscript-encoder:DIR}), the folder also holding its {@code tokenizer.json} and an optional
 * {@code encoder.json}
 * ({@code {"name", "pooling", "queryPrefix", "passagePrefix", "maxLength", "inputs"}}). Configuration is layered:
 * the embedded defaults or encoder.json, then the {@code --model-arg} pooling and query prefix.
 *
 * @param files  the encoder's files
 * @param config the effective configuration
 */
public record EncoderSpec(EncoderFiles files, EncoderConfig config) {
    public static final String CONFIG_FILE = "encoder.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * An embedded encoder's files and defaults, the pooling and query instruction overridden where given.
     */
    public static EncoderSpec embedded(EmbeddedEncoder encoder, Optional<Pooling> pooling, Optional<String> queryPrefix) {
        return override(new EncoderSpec(encoder.files(), encoder.config()), pooling, queryPrefix);
    }

    /**
     * An encoder folder: one model file of the engine's kind, {@code tokenizer.json} and optionally
     * {@code encoder.json}; the pooling and query instruction overridden where given.
     */
    public static EncoderSpec folder(EncoderEngine engine, Path dir, Optional<Pooling> pooling,
                                     Optional<String> queryPrefix) {
        return override(fromFolder(engine, dir, pooling.isPresent()), pooling, queryPrefix);
    }

    private static EncoderSpec override(EncoderSpec base, Optional<Pooling> pooling, Optional<String> queryPrefix) {
        EncoderConfig config = base.config;
        if (pooling.isPresent()) {
            config = config.withPooling(pooling.get());
        }
        if (queryPrefix.isPresent()) {
            config = config.withQueryPrefix(queryPrefix.get());
        }
        return new EncoderSpec(base.files, config);
    }

    private static EncoderSpec fromFolder(EncoderEngine engine, Path dir, boolean poolingGiven) {
        String what = "--model " + engine.scheme() + ":" + dir;
        if (!Files.isDirectory(dir)) {
            throw new ProctorException(what + ": no such folder; it should hold one " + engine.extension()
                    + " file, tokenizer.json and optionally " + CONFIG_FILE);
        }
        List<Path> models;
        try (Stream<Path> files = Files.list(dir)) {
            models = files.filter(p -> p.getFileName().toString().endsWith(engine.extension())).sorted().toList();
        } catch (IOException e) {
            throw new ProctorException("cannot list " + dir + ": " + e, e);
        }
        if (models.size() != 1) {
            throw new ProctorException(what + " should hold exactly one " + engine.extension() + " file, found "
                    + models.stream().map(p -> p.getFileName().toString()).toList());
        }
        Path tokenizer = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            throw new ProctorException(what + " has no tokenizer.json");
        }
        Path configFile = dir.resolve(CONFIG_FILE);
        JsonNode json = readConfig(configFile);
        if (!json.has("pooling") && !poolingGiven) {
            throw new ProctorException(what + ": say how to pool, with --model-arg pooling=cls|mean or \"pooling\" in "
                    + CONFIG_FILE + " (Proctor does not guess: BGE pools CLS, sentence-transformers models mostly MEAN)");
        }
        Pooling pooling = json.has("pooling") ? Pooling.of(json.get("pooling").asText()) : Pooling.CLS;
        Path folder = dir.toAbsolutePath().normalize();
        EncoderConfig config = new EncoderConfig(json.path("name").asText(folder.getFileName().toString()), pooling,
                json.path("queryPrefix").asText(""), json.path("passagePrefix").asText(""),
                json.path("maxLength").asInt(512), inputs(configFile, json));
        return new EncoderSpec(new EncoderFiles(models.get(0), tokenizer, folder.toString(), engine), config);
    }

    private static JsonNode readConfig(Path configFile) {
        if (!Files.isRegularFile(configFile)) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(configFile.toFile());
        } catch (IOException e) {
            throw new DataFormatException(configFile, 0, "expected {\"pooling\", \"queryPrefix\", \"passagePrefix\","
                    + " \"maxLength\", \"inputs\"}, found: " + e.getMessage());
        }
    }

    private static List<String> inputs(Path configFile, JsonNode json) {
        JsonNode node = json.path("inputs");
        if (node.isMissingNode()) {
            return List.of();
        }
        List<String> inputs = new ArrayList<>();
        node.forEach(n -> inputs.add(n.asText()));
        if (!node.isArray() || inputs.isEmpty() || !inputs.stream().allMatch(PaddedInputs.NAMES::contains)
                || inputs.stream().distinct().count() != inputs.size()) {
            throw new DataFormatException(configFile, 0, "expected \"inputs\" to list the model's inputs in order,"
                    + " each once, out of " + PaddedInputs.NAMES + "; found " + node);
        }
        return inputs;
    }
}
