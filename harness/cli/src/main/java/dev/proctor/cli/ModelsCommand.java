package dev.proctor.cli;

import dev.proctor.api.model.ModelProvider;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.embedded.EmbeddedModels;
import dev.proctor.model.djl.EmbeddedModelProvider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code proctor models}: the model backends and the models shipped with Proctor. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List model backends and embedded models.")
final class ModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("backends (--model SCHEME[:LOCATION]):");
        for (ModelProvider p : ModelRegistry.discover().providers()) {
            out.printf("  %-20s %s%s%n", p.scheme(), p.description(),
                    p.argumentKeys().isEmpty() ? "" : "; --model-arg " + String.join(", ",
                            new java.util.TreeSet<>(p.argumentKeys())));
        }
        out.println("embedded models (--model embedded:NAME):");
        for (String name : EmbeddedModelProvider.names()) {
            out.println("  " + name + (name.equals(EmbeddedModels.DEFAULT) ? "  (default)" : ""));
        }
        return 0;
    }
}
