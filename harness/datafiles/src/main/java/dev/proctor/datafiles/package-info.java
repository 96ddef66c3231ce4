/**
 * Reading benchmark files and fingerprinting them, shared by every task module.
 * <ul>
 *   <li>{@link dev.proctor.datafiles.CsvReader} and {@link dev.proctor.datafiles.JsonLinesReader}: readers that
 *       keep each record's 1-based line so every error names file and line;</li>
 *   <li>{@link dev.proctor.datafiles.McFiles}, {@link dev.proctor.datafiles.McColumns},
 *       {@link dev.proctor.datafiles.McItems}: rows of a multiple-choice file to
 *       {@link dev.proctor.api.task.mc.Item}s (CSV with or without a header, JSON Lines);</li>
 *   <li>{@link dev.proctor.datafiles.SplitFiles} and {@link dev.proctor.datafiles.DataDirs}: the
 *       {@code [data/]<split>/<file>} layout and subject discovery;
 *       {@link dev.proctor.datafiles.SubjectCatalog}: subject lists with display names and categories;</li>
 *   <li>{@link dev.proctor.datafiles.StandardTemplates}: MMLU's and CMMLU's prompt conventions;</li>
 *   <li>{@link dev.proctor.datafiles.Sha256} for provenance and dataset locks, and
 *       {@link dev.proctor.datafiles.ProctorCache} for the cache folder.</li>
 * </ul>
 * Every problem with a file is a {@link dev.proctor.api.DataFormatException} saying what was expected and
 * what was found.
 */
package dev.proctor.datafiles;
