package dev.proctor.api.model;

/** Opens a model by its spec through the registry: how a composite model opens its components. */
@FunctionalInterface
public interface ModelOpener {
    Model open(ModelSpec spec);
}
