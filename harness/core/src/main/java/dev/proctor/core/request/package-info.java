/**
 * Turns a rendered prompt into model queries the way lm-evaluation-harness does: context and continuation are
 * encoded as a pair (trailing whitespace of the context moves onto the continuation; an empty context becomes the
 * EOS token), over-long inputs are left-truncated, and each choice's log-likelihood is located as
 * (query, target) references so the scheduler can deduplicate and batch freely.
 */
package dev.proctor.core.request;
