/**
 * Run directories as the HTML report reads them: {@link dev.proctor.htmlreport.results.RunResults} (results.json's
 * rows, settings, figures and provenance, and the shots samples.jsonl records), one
 * {@link dev.proctor.htmlreport.results.TaskResults} per task.
 */
package dev.proctor.htmlreport.results;
