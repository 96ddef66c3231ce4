package dev.proctor.cli.stats;

import dev.proctor.stats.report.PrintFormat;
import dev.proctor.stats.report.StatsJson;
import dev.proctor.stats.report.StatsReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** Where a statistics command writes and what it prints: shared by every statistics command. */
final class ReportOptions {

    @Option(names = "--json", description = "Print stats.json (results with provenance) instead of the tables.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the report here instead of REPORTS/<id>/.")
    Path outDir;

    @Option(names = "--reports-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Where reports go by default. Default: ${DEFAULT-VALUE}.")
    Path reportsDir;

    /** Writes the report, then prints either its JSON or its tables and where it went. */
    void emit(StatsReport report, String reportId, PrintWriter out) throws Exception {
        Path dir = report.writeTo(outDir != null ? outDir : reportsDir.resolve(reportId));
        if (json) {
            out.println(StatsJson.MAPPER.writeValueAsString(report.json()));
            return;
        }
        for (Table table : report.tables().values()) {
            out.println(PrintFormat.apply(table).printAll());
            out.println();
        }
        out.println("report: " + dir);
    }
}
