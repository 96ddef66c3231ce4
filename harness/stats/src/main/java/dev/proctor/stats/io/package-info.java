/**
 * Inputs: Proctor run directories ({@code results.json} + {@code samples.jsonl}, items keyed by {@code task/id}),
 * CSV score tables from any tool (first column the model or checkpoint, in training order), and plain per-item
 * score files (one number per line).
 */
package dev.proctor.stats.io;
