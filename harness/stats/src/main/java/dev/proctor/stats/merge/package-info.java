/**
 * A merged model against the fine-tuned models it was merged from: per task the two accuracies, their paired
 * difference with its interval, normalized accuracy (merged / fine-tuned, as the TALL-masks evaluation code), the
 * averages over tasks, and which tasks lost significantly.
 */
package dev.proctor.stats.merge;
