package dev.proctor.cli;

import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.embedded.EmbeddedModels;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code proctor models}: the model schemes and the models shipped with Proctor. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List model backends and embedded models.")
final class ModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("backends: " + String.join(", ", ModelRegistry.discover().schemes()) + ", " + ModelOptions.EMBEDDED);
        out.println("embedded models (--model embedded:NAME):");
        for (String name : EmbeddedModels.names()) {
            out.println("  " + name + (name.equals(EmbeddedModels.DEFAULT) ? "  (default)" : ""));
        }
        return 0;
    }
}
