package dev.proctor.core.schedule;

/**
 * What the scheduler did, for the report's provenance and the speed benchmark.
 *
 * @param items             items in the plan
 * @param computedItems     items scored in this invocation
 * @param reusedItems       items whose score was found in the store with the same requests and gold answer
 * @param requests          distinct requests the items make (identical requests count once)
 * @param computedResponses responses the model produced in this invocation (a composite's sub-requests included)
 * @param reusedResponses   responses found in the store instead of recomputed
 * @param modelCalls        model calls (batches) backends reported
 * @param sequences         distinct inputs in those calls (shared contexts count once)
 * @param realTokens        tokens in those inputs
 * @param paddedTokens      tokens fed, padding included
 * @param prefixTreeTokens  tokens in the prefix tree of every sequence the backends ran (each distinct prefix once):
 *                          the fewest a KV cache could compute; 0 where no backend counted them
 * @param modelNanos        time inside the model's calls, as backends reported it
 * @param totalNanos        wall time of the whole scheduling step (planning excluded)
 */
public record RunStats(long items, long computedItems, long reusedItems, long requests, long computedResponses,
                       long reusedResponses, long modelCalls, long sequences, long realTokens, long paddedTokens,
                       long prefixTreeTokens,
                       long modelNanos, long totalNanos) {

    /** Real tokens over fed tokens; NaN when nothing was fed. */
    public double paddingEfficiency() {
        return paddedTokens == 0 ? Double.NaN : (double) realTokens / paddedTokens;
    }

    /**
     * Real tokens fed over the prefix tree's tokens: 1.0 when every shared prefix was computed once (a KV cache),
     * the prompts' repetition without one; NaN when no backend counted a tree.
     */
    public double tokensPerTreeToken() {
        return prefixTreeTokens == 0 ? Double.NaN : (double) realTokens / prefixTreeTokens;
    }

    /** Model inputs per computed item; NaN when nothing was computed. */
    public double sequencesPerItem() {
        return computedItems == 0 ? Double.NaN : (double) sequences / computedItems;
    }
}
