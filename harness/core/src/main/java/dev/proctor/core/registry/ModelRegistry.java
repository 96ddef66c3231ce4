package dev.proctor.core.registry;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Model backends by scheme ({@code onnx}, {@code embedded}, {@code bm25}); providers are cheap, models load in
 * {@link #open}. Backend options ({@code --model-arg}) go to every backend a spec opens, components of a composite
 * included; each reads the keys it declares, and a key none of them declares is an error, so a misspelt option
 * never passes silently.
 */
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

    /** Opens the model and checks that every backend option was read by a backend it opened. */
    public Model open(ModelSpec spec) {
        List<ModelProvider> used = new ArrayList<>();
        Model model = open(spec, used);
        Set<String> known = new TreeSet<>();
        used.forEach(p -> known.addAll(p.argumentKeys()));
        Set<String> unknown = new TreeSet<>(spec.args().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            model.close();
            throw new ProctorException("--model-arg " + String.join(", ", unknown) + ": not an option of " + spec
                    + (known.isEmpty() ? ", which takes none" : "; its options are " + String.join(", ", known)));
        }
        return model;
    }

    private Model open(ModelSpec spec, List<ModelProvider> used) {
        ModelProvider provider = provider(spec.scheme());
        used.add(provider);
        return provider.load(spec, component -> open(component, used));
    }

    public ModelProvider provider(String scheme) {
        ModelProvider provider = byScheme.get(scheme);
        if (provider == null) {
            throw new UnknownNameException("model scheme", scheme, byScheme.keySet());
        }
        return provider;
    }

    /** Every provider, by scheme. */
    public List<ModelProvider> providers() {
        return List.copyOf(byScheme.values());
    }
}
