package dev.proctor.core.registry;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.model.LanguageModel;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeMap;

/** Model backends by scheme ({@code onnx}, {@code torchscript}); providers are cheap, models load in {@link #open}. */
public final class ModelRegistry {
    private final TreeMap<String, ModelProvider> byScheme = new TreeMap<>();

    private ModelRegistry(Collection<? extends ModelProvider> providers) {
        for (ModelProvider provider : providers) {
            ModelProvider existing = byScheme.putIfAbsent(provider.scheme(), provider);
            if (existing != null) {
                throw new ProctorException("two model providers claim scheme '" + provider.scheme() + "': "
                        + existing.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
    }

    /** Every provider registered in {@code META-INF/services/dev.proctor.api.model.ModelProvider}. */
    public static ModelRegistry discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    static ModelRegistry discover(ClassLoader loader) {
        return new ModelRegistry(TaskRegistry.load(ModelProvider.class, "model", loader));
    }

    public static ModelRegistry of(Collection<? extends ModelProvider> providers) {
        return new ModelRegistry(providers);
    }

    public LanguageModel open(ModelSpec spec) {
        ModelProvider provider = byScheme.get(spec.scheme());
        if (provider == null) {
            throw new UnknownNameException("model scheme", spec.scheme(), byScheme.keySet());
        }
        return provider.load(spec);
    }

    /** Sorted. */
    public Set<String> schemes() {
        return Collections.unmodifiableSet(byScheme.navigableKeySet());
    }
}
