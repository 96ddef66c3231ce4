package dev.proctor.cli.stats;

import dev.proctor.api.ProctorException;
import dev.proctor.stats.io.ScoreFile;
import dev.proctor.stats.rank.RankCorrelation;
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
 * {@code proctor stats rank X.txt Y.txt}: agreement of two rankings of the same models (one score per model and
 * line, the same models in the same order): Kendall tau-b and tau-c and Spearman rho with scipy's p-values.
 */
@Command(name = "rank", mixinStandardHelpOptions = true,
        description = "Kendall tau-b, tau-c and Spearman rho between two score files (one model per line, same order).")
public final class StatsRankCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "X", description = "Scores of the models under the first condition.")
    Path fileX;

    @Parameters(index = "1", paramLabel = "Y", description = "Scores of the same models under the second condition.")
    Path fileY;

    @Mixin
    ReportOptions report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double[] x = ScoreFile.read(fileX);
        double[] y = ScoreFile.read(fileY);
        if (x.length != y.length) {
            throw new ProctorException("the rankings need the same models: " + fileX + " has " + x.length
                    + " scores, " + fileY + " has " + y.length);
        }
        RankCorrelation r = RankCorrelation.of(x, y);
        StatsProvenance provenance = StatsProvenance.of("stats rank", spec.commandLine().getParseResult().originalArgs(),
                StatsJson.MAPPER.createObjectNode(), List.of(InputRef.file("X", fileX), InputRef.file("Y", fileY)));
        StatsReport out = new StatsReport("Rank correlation: " + fileX.getFileName() + " vs " + fileY.getFileName(), provenance)
                .table("rank_correlation", StatsTables.rank(r))
                .result("rank_correlation", StatsJson.rank(r))
                .note("Kendall p: exact without ties for n <= 33, else normal approximation (scipy 'auto'); "
                        + "Spearman p: t approximation (scipy; R is exact for small n)");
        report.emit(out, provenance.reportId(), spec.commandLine().getOut());
        return 0;
    }
}
