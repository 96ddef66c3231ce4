package dev.proctor.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Models that must not load, and the messages that say why. */
class LoadErrorsTest {
    static final Path NEEDS_PAST = Path.of("src/test/resources/fixtures/needs-past");

    @Test
    void everySchemeOfThisModuleIsRegistered() {
        Set<String> schemes = ServiceLoader.load(ModelProvider.class).stream()
                .map(p -> p.get().scheme()).collect(Collectors.toSet());
        assertTrue(schemes.containsAll(Set.of("onnx", "torchscript", "embedded", "onnx-encoder",
                "torchscript-encoder")), schemes.toString());
    }

    @Test
    void aGraphWithAnIncompleteKvCacheIsRefusedAtLoad() {
        // the fixture takes past_key_values.0.key but no .value and returns no present.* outputs
        assertTrue(Files.isDirectory(NEEDS_PAST), "fixture missing: " + NEEDS_PAST.toAbsolutePath());
        ProctorException e = assertThrows(ProctorException.class,
                () -> new OnnxModelProvider().load(new ModelSpec("onnx", NEEDS_PAST.toString(), "cpu", Map.of()), null));
        assertTrue(e.getMessage().startsWith(NEEDS_PAST.resolve("model.onnx").toAbsolutePath().toString()),
                e.getMessage());
        assertTrue(e.getMessage().contains("input past_key_values.0.key has no output present.0.key"), e.getMessage());
        assertTrue(e.getMessage().contains("past_key_values.{i}.key/value, outputs present.{i}.key/value"),
                e.getMessage());
    }

    @Test
    void kvCacheTakesOnlyOnOrOff() {
        ProctorException e = assertThrows(ProctorException.class, () -> new OnnxModelProvider().load(
                new ModelSpec("onnx", TinyGpt.dir().toString(), "cpu", Map.of("kv-cache", "yes")), null));
        assertEquals("--model-arg kv-cache=yes: expected on or off", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"onnx, gpu", "onnx, gpu:1", "torchscript, gpu", "torchscript, gpu:0"})
    void aGpuTheEngineCannotSeeIsAnErrorNotACpuFallback(String scheme, String device) {
        ModelProvider provider = scheme.equals("onnx") ? new OnnxModelProvider() : new TorchScriptModelProvider();
        String engine = scheme.equals("onnx") ? OnnxCausalLm.ENGINE : TorchScriptCausalLm.ENGINE;
        assumeTrue(Engine.getEngine(engine).getGpuCount() == 0, "this machine has a GPU that " + engine + " can use");
        ProctorException e = assertThrows(ProctorException.class,
                () -> provider.load(new ModelSpec(scheme, TinyGpt.dir().toString(), device, Map.of()), null));
        assertEquals("--device " + device + " asks for a GPU, but the " + engine + " engine sees none (no CUDA device"
                + " or no GPU build of the engine); use --device cpu to run on the CPU", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"onnx, model.onnx", "torchscript, model.pt"})
    void missingFilesAreNamed(String scheme, String modelFile, @TempDir Path dir) throws IOException {
        ModelProvider provider = scheme.equals("onnx") ? new OnnxModelProvider() : new TorchScriptModelProvider();
        Files.copy(TinyGpt.dir().resolve("config.json"), dir.resolve("config.json"));
        ProctorException noModel = assertThrows(ProctorException.class,
                () -> provider.load(new ModelSpec(scheme, dir.toString(), "cpu", Map.of()), null));
        assertTrue(noModel.getMessage().contains(dir.toAbsolutePath().toString())
                && noModel.getMessage().contains(modelFile), noModel.getMessage());

        Files.createSymbolicLink(dir.resolve(modelFile), TinyGpt.dir().resolve(modelFile).toAbsolutePath());
        ProctorException noTokenizer = assertThrows(ProctorException.class,
                () -> provider.load(new ModelSpec(scheme, dir.toString(), "cpu", Map.of()), null));
        assertTrue(noTokenizer.getMessage().contains(dir.resolve("tokenizer.json").toAbsolutePath().toString()),
                noTokenizer.getMessage());
    }

    @Test
    void aCorruptModelFileIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("model.onnx"), "this is not an ONNX graph");
        Files.createSymbolicLink(dir.resolve("tokenizer.json"), TinyGpt.dir().resolve("tokenizer.json").toAbsolutePath());
        ProctorException e = assertThrows(ProctorException.class,
                () -> new OnnxModelProvider().load(new ModelSpec("onnx", dir.toString(), "cpu", Map.of()), null));
        assertTrue(e.getMessage().contains(dir.resolve("model.onnx").toAbsolutePath().toString()), e.getMessage());
    }
}
