package dev.proctor.cli.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.ProctorException;
import dev.proctor.stats.io.ScoreFile;
import dev.proctor.stats.paired.PairedStatistics;
import dev.proctor.stats.report.InputRef;
import dev.proctor.stats.report.StatsJson;
import dev.proctor.stats.report.StatsProvenance;
import dev.proctor.stats.report.StatsReport;
import dev.proctor.stats.report.StatsTables;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code proctor stats paired A.txt B.txt}: the paired statistics of two per-item score files from any tool (one
 * number per line, the same items in the same order): standard errors, bootstrap intervals with their seed,
 * McNemar (for 0/1 scores) and the sign-flip permutation test, named in the JSON as metric-conventions.md does.
 */
@Command(name = "paired", mixinStandardHelpOptions = true,
        description = "Paired statistics of two per-item score files (one number per line, same order).")
public final class StatsPairedCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "Scores of system A, one per line.")
    Path fileA;

    @Parameters(index = "1", paramLabel = "B", description = "Scores of system B on the same items, same order.")
    Path fileB;

    @Mixin
    BootstrapOptions bootstrap;

    @Mixin
    ReportOptions report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double[] a = ScoreFile.read(fileA);
        double[] b = ScoreFile.read(fileB);
        if (a.length != b.length) {
            throw new ProctorException("paired scores need the same items: " + fileA + " has " + a.length
                    + " scores, " + fileB + " has " + b.length + "; each file lists the same items in the same order");
        }
        PairedStatistics s = PairedStatistics.compute(a, b, bootstrap.paired());
        ObjectNode parameters = bootstrap.addTo(StatsJson.MAPPER.createObjectNode());
        StatsProvenance provenance = StatsProvenance.of("stats paired",
                spec.commandLine().getParseResult().originalArgs(), parameters,
                List.of(InputRef.file("A", fileA), InputRef.file("B", fileB)));
        StatsReport out = new StatsReport("Paired statistics: " + fileA.getFileName() + " vs " + fileB.getFileName(), provenance)
                .table("paired", StatsTables.paired(s))
                .result("paired", StatsJson.paired(s))
                .note("diff = A - B; standard errors named as metric-conventions.md; bootstrap seed " + bootstrap.bootstrap().seed());
        report.emit(out, provenance.reportId(), spec.commandLine().getOut());
        return 0;
    }
}
