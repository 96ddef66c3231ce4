package dev.proctor.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.model.LanguageModel;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.core.testkit.FakeLanguageModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {
    private final FakeLanguageModel model = new FakeLanguageModel();

    private ModelProvider provider(String scheme) {
        return new ModelProvider() {
            @Override
            public String scheme() {
                return scheme;
            }

            @Override
            public LanguageModel load(ModelSpec spec) {
                return model;
            }
        };
    }

    @Test
    void opensBySchemeAndListsSchemes() {
        ModelRegistry registry = ModelRegistry.of(List.of(provider("onnx"), provider("fake")));
        assertSame(model, registry.open(ModelSpec.parse("fake:/models/x", "cpu")));
        assertEquals(List.copyOf(Set.of("fake", "onnx")).stream().sorted().toList(), List.copyOf(registry.schemes()));
    }

    @Test
    void unknownSchemeListsKnownOnes() {
        ModelRegistry registry = ModelRegistry.of(List.of(provider("onnx"), provider("torchscript")));
        UnknownNameException e = assertThrows(UnknownNameException.class,
                () -> registry.open(ModelSpec.parse("gguf:/m", "cpu")));
        assertTrue(e.getMessage().contains("'gguf'") && e.getMessage().contains("onnx, torchscript"), e.getMessage());
    }

    @Test
    void twoProvidersForOneSchemeAreAnError() {
        assertThrows(ProctorException.class, () -> ModelRegistry.of(List.of(provider("onnx"), provider("onnx"))));
    }
}
