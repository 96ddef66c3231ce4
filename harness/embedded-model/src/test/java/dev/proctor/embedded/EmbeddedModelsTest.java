package dev.proctor.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.UnknownNameException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedModelsTest {

    @TempDir
    Path cache;

    @Test
    void defaultIsListedFirstAndHasEveryFileABackendNeeds() {
        List<String> names = EmbeddedModels.names();
        assertEquals(EmbeddedModels.DEFAULT, names.get(0));
        List<String> files = EmbeddedModels.files(EmbeddedModels.DEFAULT).stream().map(EmbeddedModels.ModelFile::name).toList();
        assertTrue(files.containsAll(List.of("model.onnx", "model.pt", "tokenizer.json", "config.json")), files.toString());
    }

    @Test
    void checkpointsAreInTrainingOrder() {
        List<String> ck = EmbeddedModels.names().stream().filter(n -> n.startsWith("tiny-gpt-checkpoints/")).toList();
        assertEquals(ck.stream().sorted().toList(), ck);
    }

    @Test
    void materializesTheDefaultWithTheIndexedHashes() throws Exception {
        Path dir = EmbeddedModels.materialize(EmbeddedModels.DEFAULT, cache);
        assertTrue(dir.startsWith(cache.resolve("models")), dir.toString());
        assertTrue(dir.getFileName().toString().startsWith("tiny-gpt-"), dir.toString());
        for (EmbeddedModels.ModelFile f : EmbeddedModels.files(EmbeddedModels.DEFAULT)) {
            Path p = dir.resolve(f.name());
            assertTrue(Files.isRegularFile(p), p + " missing");
            assertEquals(f.size(), Files.size(p), f.name());
            assertEquals(f.sha256(), sha256(p), f.name());
        }
        try (Stream<Path> s = Files.list(cache.resolve("models"))) {
            assertEquals(List.of(dir), s.toList(), "no temporary directories are left behind");
        }
    }

    @Test
    void secondMaterializeReusesTheCopy() throws Exception {
        Path first = EmbeddedModels.materialize(EmbeddedModels.DEFAULT, cache);
        Path marker = Files.writeString(first.resolve("marker"), "x");
        Path second = EmbeddedModels.materialize(EmbeddedModels.DEFAULT, cache);
        assertEquals(first, second);
        assertTrue(Files.exists(marker), "the cached copy was not rewritten");
    }

    @Test
    void everyIndexedModelMaterializes() throws Exception {
        for (String name : EmbeddedModels.names()) {
            Path dir = EmbeddedModels.materialize(name, cache);
            assertTrue(Files.isRegularFile(dir.resolve("model.onnx")), name);
            assertTrue(Files.isRegularFile(dir.resolve("config.json")), name);
            // a language model has its tokenizer; the object detector its box format instead
            String described = name.equals("shapes-detector") ? "detector.json" : "tokenizer.json";
            assertTrue(Files.isRegularFile(dir.resolve(described)), name + " lacks " + described);
        }
    }

    @Test
    void cacheRootFollowsTheSystemProperty() {
        String old = System.getProperty("proctor.cache");
        try {
            System.setProperty("proctor.cache", cache.toString());
            assertEquals(cache, EmbeddedModels.cacheRoot());
            assertTrue(EmbeddedModels.materialize(EmbeddedModels.DEFAULT).startsWith(cache));
        } finally {
            if (old == null) {
                System.clearProperty("proctor.cache");
            } else {
                System.setProperty("proctor.cache", old);
            }
        }
    }

    @Test
    void theReadmesDescribeTheModelThatShips() throws Exception {
        Path config = EmbeddedModels.materialize(EmbeddedModels.DEFAULT, cache).resolve("config.json");
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(config.toFile());
        String width = "d=" + json.get("d_model").asInt() + ",";
        for (Path readme : List.of(Path.of("README.md"), Path.of("../../README.md"))) {
            assertTrue(Files.readString(readme).contains(width), readme + " should say " + width);
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> EmbeddedModels.materialize("gpt-5", cache));
        assertTrue(e.getMessage().contains("'gpt-5'"), e.getMessage());
        for (String n : EmbeddedModels.names()) {
            assertTrue(e.getMessage().contains(n), e.getMessage());
        }
    }

    private static String sha256(Path p) throws IOException, Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
