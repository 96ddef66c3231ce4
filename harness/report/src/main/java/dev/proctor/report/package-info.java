/**
 * What a run leaves behind: {@code results.json} (scores with full provenance), {@code samples.jsonl}
 * (every item's scores), and the summary as Tablesaw tables written to CSV and Markdown and printed.
 */
package dev.proctor.report;
