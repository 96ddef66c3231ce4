/**
 * Causal language models above the token level. A backend implements {@link dev.proctor.lm.CausalLm} (score
 * token sequences, pick the next token); {@link dev.proctor.lm.CausalLmModel} turns it into a model that serves
 * log-likelihood and greedy generation, with lm-evaluation-harness's context/continuation split
 * ({@link dev.proctor.lm.ContextEncoding}), identical inputs run once, and token-budget batching.
 */
package dev.proctor.lm;
