package dev.proctor.api.model;

/**
 * One model call, as a backend reports it.
 *
 * @param sequences    distinct inputs in the call (shared contexts count once)
 * @param realTokens   tokens that were not padding
 * @param paddedTokens tokens fed, padding included
 * @param nanos        time spent in the model for this call
 */
public record BatchStats(long sequences, long realTokens, long paddedTokens, long nanos) {
}
