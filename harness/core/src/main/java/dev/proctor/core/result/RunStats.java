package dev.proctor.core.result;

/**
 * What the scheduler did, for the speed benchmark and the run's provenance.
 *
 * @param items          items scored in this invocation (resumed items excluded)
 * @param resumedItems   items found already in the store
 * @param sequences      distinct sequences sent to the model (shared contexts run once)
 * @param batches        forward passes (model calls)
 * @param realTokens     tokens in those sequences
 * @param paddedTokens   batch size x longest sequence, summed over batches
 * @param forwardNanos   time inside the model's score calls
 * @param totalNanos     wall time of the whole scoring phase (planning excluded)
 */
public record RunStats(
        long items,
        long resumedItems,
        long sequences,
        long batches,
        long realTokens,
        long paddedTokens,
        long forwardNanos,
        long totalNanos) {

    public double paddingEfficiency() {
        return paddedTokens == 0 ? Double.NaN : (double) realTokens / paddedTokens;
    }

    public double forwardsPerItem() {
        return items == 0 ? Double.NaN : (double) sequences / items;
    }
}
