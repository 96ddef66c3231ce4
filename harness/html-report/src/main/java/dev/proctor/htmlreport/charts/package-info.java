/**
 * The report's charts: built with XChart ({@link dev.proctor.htmlreport.charts.Charts}: intervals per subject, curves) and written as SVG and PNG files whose SVG the page inlines
 * ({@link dev.proctor.htmlreport.charts.ChartWriter}).
 */
package dev.proctor.htmlreport.charts;
