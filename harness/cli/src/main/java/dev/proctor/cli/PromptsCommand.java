package dev.proctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.model.Model;
import dev.proctor.api.request.LoglikelihoodRequest;
import dev.proctor.api.request.Request;
import dev.proctor.core.evaluate.Evaluator;
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

/**
 * {@code proctor prompts}: shows the exact prompts a run would send. The model is opened for its tokenizer (nothing
 * is run on it), so examples are fitted exactly as a run fits them.
 */
@Command(name = "prompts", mixinStandardHelpOptions = true,
        description = "Print the prompts a run would send, fitted with the tokenizer of --model as a run fits them.")
final class PromptsCommand implements Callable<Integer> {

    @Mixin
    TaskOptions taskOptions;

    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--json", description = "Print a JSON array of {id, prompt, continuations, gold, shots}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Evaluator evaluator = taskOptions.evaluator();
        EvaluationPlan plan;
        RunConfig config = taskOptions.config(modelOptions.spec(), RunConfig.DEFAULT_BATCH_TOKENS, 2, 95);
        try (Model model = evaluator.open(modelOptions.spec())) {
            plan = evaluator.planPrompts(config, model.tokenizer());
        }
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
                node.set("facts", mapper.valueToTree(p.item().facts()));
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
