package dev.proctor.tasks.retrieval.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resolves {@code --encoder}: an embedded name ({@code bge-small-en}, {@code bge-small-zh}, {@code minilm}) or
 * {@code onnx:DIR}, a folder with one {@code .onnx} graph, its {@code tokenizer.json} and an optional
 * {@code encoder.json} ({@code {"name", "pooling", "queryPrefix", "passagePrefix", "maxLength"}}). Configuration is
 * layered: the embedded defaults or encoder.json, then the command line's pooling and query prefix.
 *
 * @param files  the encoder's files
 * @param config the effective configuration
 */
public record EncoderSpec(EncoderFiles files, EncoderConfig config) {
    public static final String ONNX_PREFIX = "onnx:";
    public static final String CONFIG_FILE = "encoder.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static EncoderSpec resolve(String spec, Optional<Pooling> pooling, Optional<String> queryPrefix) {
        EncoderSpec base = spec.startsWith(ONNX_PREFIX)
                ? fromFolder(Path.of(spec.substring(ONNX_PREFIX.length())), pooling.isPresent())
                : embedded(EmbeddedEncoder.of(spec));
        EncoderConfig config = base.config;
        if (pooling.isPresent()) {
            config = config.withPooling(pooling.get());
        }
        if (queryPrefix.isPresent()) {
            config = config.withQueryPrefix(queryPrefix.get());
        }
        return new EncoderSpec(base.files, config);
    }

    private static EncoderSpec embedded(EmbeddedEncoder encoder) {
        return new EncoderSpec(encoder.files(), encoder.config());
    }

    private static EncoderSpec fromFolder(Path dir, boolean poolingGiven) {
        if (!Files.isDirectory(dir)) {
            throw new ProctorException("--encoder onnx:" + dir + ": no such folder; it should hold one .onnx file,"
                    + " tokenizer.json and optionally " + CONFIG_FILE);
        }
        List<Path> graphs;
        try (Stream<Path> files = Files.list(dir)) {
            graphs = files.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().toList();
        } catch (IOException e) {
            throw new ProctorException("cannot list " + dir + ": " + e, e);
        }
        if (graphs.size() != 1) {
            throw new ProctorException("--encoder onnx:" + dir + " should hold exactly one .onnx file, found "
                    + graphs.stream().map(p -> p.getFileName().toString()).toList());
        }
        Path tokenizer = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            throw new ProctorException("--encoder onnx:" + dir + " has no tokenizer.json");
        }
        Path configFile = dir.resolve(CONFIG_FILE);
        JsonNode json = MAPPER.createObjectNode();
        if (Files.isRegularFile(configFile)) {
            try {
                json = MAPPER.readTree(configFile.toFile());
            } catch (IOException e) {
                throw new DataFormatException(configFile, 0, "expected {\"pooling\", \"queryPrefix\", \"passagePrefix\","
                        + " \"maxLength\"}, found: " + e.getMessage());
            }
        }
        if (!json.has("pooling") && !poolingGiven) {
            throw new ProctorException("--encoder onnx:" + dir + ": say how to pool, with --pooling cls|mean or"
                    + " \"pooling\" in " + CONFIG_FILE + " (Proctor does not guess: BGE pools CLS, sentence-transformers"
                    + " models mostly MEAN)");
        }
        Pooling pooling = json.has("pooling") ? Pooling.of(json.get("pooling").asText()) : Pooling.CLS;
        EncoderConfig config = new EncoderConfig(json.path("name").asText(dir.toAbsolutePath().normalize()
                .getFileName().toString()), pooling, json.path("queryPrefix").asText(""),
                json.path("passagePrefix").asText(""), json.path("maxLength").asInt(512));
        return new EncoderSpec(new EncoderFiles(graphs.get(0), tokenizer, dir.toAbsolutePath().normalize().toString()),
                config);
    }
}
