/**
 * Step six: a run's directory. {@code results.json} (one layout for every task kind, with its schema version and
 * the provenance of every number), {@code samples.jsonl} (per item what the model saw and said), and the summary
 * as Tablesaw tables in CSV and Markdown.
 */
package dev.proctor.core.report;
