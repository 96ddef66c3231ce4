/**
 * The HTML report ({@code proctor report}): {@link dev.proctor.htmlreport.HtmlReport} reads run directories
 * ({@link dev.proctor.htmlreport.results}) and writes one offline page of Tablesaw tables and XChart charts
 * ({@link dev.proctor.htmlreport.charts}): a leaderboard with bootstrap swap probabilities for several runs
 * ({@code Leaderboard}), and per run its provenance, summary, subjects with intervals and figures ({@code RunSection},
 * {@code Figures}).
 */
package dev.proctor.htmlreport;
