package dev.proctor.cli.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.stats.bootstrap.RunUncertainty;
import dev.proctor.stats.bootstrap.UncertaintyRow;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.RunDirectory;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code proctor stats ci RUN}: the uncertainty of one run's scores: per subject, category and task, micro and
 * macro, the standard errors and a seeded percentile bootstrap interval (questions resampled within subjects).
 */
@Command(name = "ci", mixinStandardHelpOptions = true,
        description = "Standard errors and seeded bootstrap intervals of one run, per subject, category and task.")
public final class StatsCiCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "A run directory (reports/<run-id>/).")
    Path runDir;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "The per-item metric (acc, acc_norm, bpb, exact_match, ndcg_cut_10, ...). Default: the runs' main metric.")
    String metric;

    @Mixin
    BootstrapOptions bootstrap;

    @Mixin
    ReportOptions report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunData run = RunDirectory.read(runDir);
        ItemMetric itemMetric = ItemMetric.forRuns(metric, List.of(run));
        List<UncertaintyRow> rows = RunUncertainty.of(run, itemMetric, bootstrap.bootstrap());
        ObjectNode parameters = bootstrap.addTo(StatsJson.MAPPER.createObjectNode()).put("metric", itemMetric.id());
        StatsProvenance provenance = StatsProvenance.of("stats ci", spec.commandLine().getParseResult().originalArgs(),
                parameters, List.of(InputRef.run("run", run)));
        ArrayNode json = StatsJson.MAPPER.createArrayNode();
        for (UncertaintyRow r : rows) {
            ObjectNode node = json.addObject();
            node.put("task", r.task());
            node.put("group", r.group());
            node.put("averaging", r.averaging());
            node.put("n", r.n());
            node.put("score", r.score());
            node.put("se_lm_eval_mean_stderr", r.seLmEval());
            node.put("se_binomial", r.seBinomial());
            node.set("bootstrap", StatsJson.bootstrap(r.bootstrap(), bootstrap.bootstrap()));
        }
        StatsReport out = new StatsReport("Uncertainty of run " + run.runId(), provenance)
                .table("uncertainty", StatsTables.uncertainty(rows))
                .result("rows", json)
                .note("macro standard errors are sqrt(sum se_i^2)/k over subjects; the bootstrap resamples "
                        + "questions within subjects, so micro and macro intervals come from the same resamples");
        report.emit(out, provenance.reportId(), spec.commandLine().getOut());
        return 0;
    }
}
