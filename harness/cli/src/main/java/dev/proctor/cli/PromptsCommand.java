package dev.proctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.request.LoglikelihoodRequest;
import dev.proctor.api.request.Request;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.plan.PlannedItem;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code proctor prompts}: shows the exact prompts a run would send, without a model. */
@Command(name = "prompts", mixinStandardHelpOptions = true,
        description = "Print the rendered prompts (no model is loaded, so no shots are dropped for length).")
final class PromptsCommand implements Callable<Integer> {

    @Mixin
    TaskOptions taskOptions;

    @Option(names = "--json", description = "Print a JSON array of {id, prompt, continuations, gold, shots}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EvaluationPlan plan = taskOptions.evaluator().planPrompts(taskOptions.config(RunConfig.DEFAULT_BATCH_TOKENS,
                2, 95));
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            for (PlannedItem p : plan.items()) {
                ObjectNode node = array.addObject();
                // the fields samples.jsonl names an item by, so the two can be joined
                node.put("task", p.task());
                node.put("subject", p.item().subject());
                node.put("id", p.item().id());
                node.put("prompt", p.item().prompt());
                ArrayNode continuations = node.putArray("continuations");
                continuations(p).forEach(continuations::add);
                node.set("gold", mapper.valueToTree(p.item().gold()));
                node.set("shots", mapper.valueToTree(p.item().facts().get("shotsUsed")));
            }
            out.println(mapper.writeValueAsString(array));
        } else {
            for (PlannedItem p : plan.items()) {
                out.println("=== " + p.key() + " (gold " + (p.item().gold() == null ? "none" : p.item().gold())
                        + ", " + p.item().facts().get("shotsUsed") + " shots, continuations " + continuations(p) + ")");
                out.println(p.item().prompt());
            }
        }
        return 0;
    }

    /** What a log-likelihood item scores after its prompt; empty for other requests. */
    private static List<String> continuations(PlannedItem p) {
        return p.item().requests().stream().filter(r -> r instanceof LoglikelihoodRequest)
                .map(r -> ((LoglikelihoodRequest) (Request) r).continuation()).toList();
    }
}
