package dev.proctor.core.evaluate;

import dev.proctor.core.report.RunReport;
import java.nio.file.Path;

/**
 * A finished evaluation.
 *
 * @param directory where its report and store are
 * @param report    what was written there
 */
public record Evaluation(Path directory, RunReport report) {
}
