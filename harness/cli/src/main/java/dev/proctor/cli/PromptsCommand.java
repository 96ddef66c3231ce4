package dev.proctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.plan.PlannedItem;
import dev.proctor.core.plan.Planner;
import dev.proctor.core.prompt.RenderedPrompt;
import dev.proctor.core.registry.TaskRegistry;
import dev.proctor.core.run.RunConfig;
import dev.proctor.core.run.ScoringMode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code proctor prompts}: shows the exact prompts a run would send, without a model. */
@Command(name = "prompts", mixinStandardHelpOptions = true,
        description = "Print the rendered prompts (no model is loaded, so no shots are dropped for length).")
final class PromptsCommand implements Callable<Integer> {

    @Mixin
    TaskOptions taskOptions;

    @Option(names = "--json", description = "Print a JSON array of {id, prompt, continuations, gold}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TaskRegistry registry = taskOptions.registry();
        RunConfig config = taskOptions.config(ScoringMode.LETTER, RunConfig.DEFAULT_BATCH_TOKENS, registry);
        EvaluationPlan plan = Planner.planPrompts(config, registry);
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (PlannedItem planned : plan.items()) {
                RenderedPrompt p = planned.prompt();
                ObjectNode node = array.addObject();
                node.put("id", p.task() + "/" + p.item().id());
                node.put("prompt", p.context());
                ArrayNode continuations = node.putArray("continuations");
                p.continuations().forEach(continuations::add);
                if (p.item().hasGold()) {
                    node.put("gold", p.item().gold());
                } else {
                    node.putNull("gold");
                }
                node.put("shots", p.shotsUsed());
            }
            out.println(mapper.writeValueAsString(array));
        } else {
            for (PlannedItem planned : plan.items()) {
                RenderedPrompt p = planned.prompt();
                out.println("=== " + p.task() + "/" + p.item().id() + " (gold " + (p.item().hasGold() ? p.item().gold() : "none")
                        + ", " + p.shotsUsed() + " shots, continuations " + p.continuations() + ")");
                out.println(p.context());
            }
        }
        return 0;
    }
}
