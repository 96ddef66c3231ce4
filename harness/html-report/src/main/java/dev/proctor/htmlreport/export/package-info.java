/**
 * Run results in other tools' layouts: {@link dev.proctor.htmlreport.export.LmEvalResults} writes
 * lm-evaluation-harness's results JSON ({@code proctor export --format lm-eval}).
 */
package dev.proctor.htmlreport.export;
