/**
 * Statistics reports: Tablesaw tables written as CSV and Markdown, {@code stats.json} with the results named as
 * the reference tools name them, and the same provenance runs carry (harness build, settings and seeds, every
 * input's SHA-256), into {@code reports/<command>-<hash>/}.
 */
package dev.proctor.stats.report;
