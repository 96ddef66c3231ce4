/**
 * Causal language models above the token level. A backend implements {@link dev.proctor.lm.CausalLm} (score
 * token sequences, pick the next token); {@link dev.proctor.lm.CausalLmModel} turns it into a model that serves
 * log-likelihood, greedy generation and a text's token statistics (for machine-generated-text detectors), with
 * lm-evaluation-harness's context/continuation split ({@link dev.proctor.lm.ContextEncoding}), identical inputs run
 * once, and token-budget batching. A backend with a {@link dev.proctor.lm.KvCache} has each prompt token computed
 * once: log-likelihood requests run as their {@link dev.proctor.lm.PrefixTree} ({@link dev.proctor.lm.CachedScoring}),
 * and generation starts from its contexts' pasts, computed the same way ({@link dev.proctor.lm.PrefixPasts}), then
 * feeds one token per step. {@link dev.proctor.lm.BinocularsModel} pairs two of them as Binoculars' observer
 * and performer ({@code --model binoculars:A+B}).
 */
package dev.proctor.lm;
