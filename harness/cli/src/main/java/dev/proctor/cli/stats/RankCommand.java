package dev.proctor.cli.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.ProctorException;
import dev.proctor.stats.Averaging;
import dev.proctor.stats.bootstrap.Strata;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import dev.proctor.stats.io.RunDirectory;
import dev.proctor.stats.numeric.NumpyMath;
import dev.proctor.stats.paired.AlignedRuns;
import dev.proctor.stats.rank.AdjacentFlip;
import dev.proctor.stats.rank.RankCorrelation;
import dev.proctor.stats.rank.RankFlips;
import dev.proctor.stats.report.InputRef;
import dev.proctor.stats.report.StatsJson;
import dev.proctor.stats.report.StatsProvenance;
import dev.proctor.stats.report.StatsReport;
import dev.proctor.stats.report.StatsTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code proctor rank RUN...}: a leaderboard of runs on the same items and, for each pair of neighbours, how often
 * the bootstrap swaps them. With {@code --versus RUN...} (the same models, in the same order, under another
 * condition such as five shots), also Kendall tau-b, tau-c and Spearman rho between the two leaderboards.
 */
@Command(name = "rank", mixinStandardHelpOptions = true,
        description = {"Leaderboard stability: bootstrap probability that neighbours swap places;",
                "with --versus, rank correlation between two leaderboards of the same models."})
public final class RankCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "RUN", description = "Run directories of the models, all on the same items.")
    List<Path> runs;

    @Option(names = "--versus", split = ",", paramLabel = "RUN",
            description = "The same models' runs under another condition, in the same order.")
    List<Path> versus = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "NAME",
            description = "The per-item metric (acc, acc_norm, bpb, exact_match, ndcg_cut_10, ...). Default: the runs' main metric.")
    String metric;

    @Option(names = "--averaging", defaultValue = "micro",
            description = "micro (mean over questions) or macro (mean of subject scores). Default: ${DEFAULT-VALUE}.")
    String averaging;

    @Mixin
    BootstrapOptions bootstrap;

    @Mixin
    ReportOptions report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Averaging avg = switch (averaging) {
            case "micro" -> Averaging.MICRO;
            case "macro" -> Averaging.MACRO;
            default -> throw new ProctorException("--averaging is micro or macro, got '" + averaging + "'");
        };
        if (!versus.isEmpty() && versus.size() != runs.size()) {
            throw new ProctorException("--versus needs one run per model: " + runs.size() + " runs, "
                    + versus.size() + " --versus runs");
        }
        List<InputRef> inputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<RunData> read = runs.stream().map(RunDirectory::read).toList();
        ItemMetric itemMetric = ItemMetric.forRuns(metric, read);
        for (int m = 0; m < runs.size(); m++) {
            names.add(CompareCommand.label(runs.get(m)));
            inputs.add(InputRef.run("model " + (m + 1), read.get(m)));
        }
        AlignedRuns aligned = AlignedRuns.of(names, read, itemMetric);
        double[][] scores = aligned.scores();
        List<String> labels = aligned.strata();
        List<AdjacentFlip> flips = RankFlips.adjacent(names, scores, Strata.byLabel(labels), avg,
                itemMetric.lowerIsBetter(), bootstrap.bootstrap());
        ObjectNode parameters = bootstrap.addTo(StatsJson.MAPPER.createObjectNode())
                .put("metric", itemMetric.id()).put("averaging", averaging);
        ObjectNode json = StatsJson.MAPPER.createObjectNode();
        ArrayNode flipJson = json.putArray("adjacent_flips");
        for (AdjacentFlip f : flips) {
            flipJson.addObject().put("upper", f.upper()).put("lower", f.lower()).put("upper_score", f.upperScore())
                    .put("lower_score", f.lowerScore()).put("p_flip", f.pFlip()).put("p_tie", f.pTie());
        }
        RankCorrelation correlation = null;
        if (!versus.isEmpty()) {
            double[] x = new double[runs.size()];
            double[] y = new double[runs.size()];
            for (int m = 0; m < runs.size(); m++) {
                RunData other = RunDirectory.read(versus.get(m));
                inputs.add(InputRef.run("versus " + (m + 1), other));
                x[m] = score(scores[m], labels, avg);
                y[m] = score(other.items().stream().mapToDouble(itemMetric::value).toArray(),
                        other.items().stream().map(i -> i.task() + ":" + i.subject()).toList(), avg);
            }
            correlation = RankCorrelation.of(x, y);
            json.set("rank_correlation", StatsJson.rank(correlation));
        }
        StatsProvenance provenance = StatsProvenance.of("rank", spec.commandLine().getParseResult().originalArgs(),
                parameters, inputs);
        StatsReport out = new StatsReport("Leaderboard stability", provenance)
                .table("adjacent_flips", StatsTables.flips(flips))
                .result("rank", json)
                .note(String.format(Locale.ROOT, "scores: %s, %s; p_flip = share of %d bootstrap resamples (questions "
                        + "within subjects, all models on the same resamples) in which the lower model scores strictly "
                        + "better", itemMetric.id(), averaging, bootstrap.bootstrap().resamples()));
        if (correlation != null) {
            out.table("rank_correlation", StatsTables.rank(correlation))
                    .note("rank correlation between the leaderboard of RUN... and that of --versus (point scores)");
        }
        report.emit(out, provenance.reportId(), spec.commandLine().getOut());
        return 0;
    }

    private static double score(double[] values, List<String> labels, Averaging avg) {
        if (avg == Averaging.MICRO) {
            return NumpyMath.mean(values);
        }
        Strata strata = Strata.byLabel(labels);
        double s = 0;
        for (int[] members : strata.members()) {
            double sum = 0;
            for (int i : members) {
                sum += values[i];
            }
            s += sum / members.length;
        }
        return s / strata.size();
    }
}
