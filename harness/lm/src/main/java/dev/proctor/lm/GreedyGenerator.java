package dev.proctor.lm;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Execution;
import dev.proctor.api.request.GenerateRequest;
import dev.proctor.api.request.Generation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Answers generation requests greedily on a token-level model: each context is encoded as the reference code encodes
 * it and left-truncated to leave room for the new tokens (lm-evaluation-harness's {@code max_length - max_gen_toks}),
 * then {@link TokenGenerator} decodes.
 */
final class GreedyGenerator {
    private GreedyGenerator() {
    }

    static void run(CausalLm lm, List<GenerateRequest> requests, Execution<Generation> execution) {
        ContextEncoding encoding = new ContextEncoding(lm.tokenizer());
        int max = lm.tokenizer().maxContextLength();
        List<TokenGenerator.Input> inputs = new ArrayList<>(requests.size());
        boolean[] truncated = new boolean[requests.size()];
        for (int r = 0; r < requests.size(); r++) {
            GenerateRequest request = requests.get(r);
            int room = max - request.maxNewTokens();
            if (room < 1) {
                throw new ProctorException("a generation of up to " + request.maxNewTokens() + " new tokens leaves no"
                        + " room for its context in the model's " + max + " tokens");
            }
            int[] context = encoding.generationContext(request.context());
            int cut = Math.max(0, context.length - room);
            truncated[r] = cut > 0;
            inputs.add(new TokenGenerator.Input(Arrays.copyOfRange(context, cut, context.length), request.stop(),
                    request.maxNewTokens()));
        }
        execution.recordPrefixTree(PrefixTree.tokens(inputs.stream().map(TokenGenerator.Input::context).toList()));
        TokenGenerator.generate(lm, inputs, execution.batchTokens(), execution::recordBatch, (indices, outputs) -> {
            List<Generation> generations = new ArrayList<>(outputs.size());
            long fed = 0;
            for (int i = 0; i < indices.length; i++) {
                TokenGenerator.Output o = outputs.get(i);
                fed += TokenGenerator.tokensFedBack(o);
                generations.add(new Generation(o.text(), o.finish(), o.tokens().length, truncated[indices[i]]));
            }
            execution.recordPrefixTree(fed);
            execution.completed(indices, generations);
        });
    }
}
