/**
 * What every Proctor report shares, whichever command writes it: the build that made it
 * ({@link dev.proctor.report.HarnessVersion}), the data checks it records ({@link dev.proctor.report.DataCheck}),
 * Markdown rendering of Tablesaw tables, and files written whole or not at all ({@link dev.proctor.report.AtomicFiles}).
 */
package dev.proctor.report;
