/**
 * Retrieval reports: the TREC run file, per-query CSV, Tablesaw summary (CSV and Markdown) and results.json
 * with provenance ({@link dev.proctor.tasks.retrieval.report.RetrievalReport}).
 */
package dev.proctor.tasks.retrieval.report;
