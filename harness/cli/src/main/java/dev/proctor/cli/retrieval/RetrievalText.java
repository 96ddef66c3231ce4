package dev.proctor.cli.retrieval;

import dev.proctor.report.HarnessVersion;
import dev.proctor.report.MarkdownTable;
import dev.proctor.retrieval.io.TrecEvalText;
import dev.proctor.retrieval.metrics.Averaging;
import dev.proctor.retrieval.metrics.Evaluation;
import dev.proctor.retrieval.metrics.Measure;
import dev.proctor.retrieval.metrics.MetricOptions;
import dev.proctor.retrieval.metrics.MrrScores;
import dev.proctor.retrieval.metrics.MrrVariant;
import java.nio.file.Path;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The text report: the effective settings and notes, a table of means (one row per measure, one column per k),
 * then every value in trec_eval's own {@code -q} layout so it can be diffed against trec_eval.
 */
final class RetrievalText {
    private RetrievalText() {
    }

    static String render(Evaluation e, ScoreRetrievalCommand.QrelsSource qrels, Path run, boolean perQuery) {
        MetricOptions o = e.options();
        StringBuilder sb = new StringBuilder();
        sb.append("# Retrieval scores of ").append(run).append('\n').append('\n');
        sb.append("qrels: ").append(qrels.file()).append(" (").append(qrels.format().name().toLowerCase(Locale.ROOT))
                .append(")\n");
        sb.append("harness: proctor ").append(HarnessVersion.current()).append('\n');
        sb.append("conventions: trec_eval 9.0.8 / pytrec_eval; scores tie at ")
                .append(o.scorePrecision().name().toLowerCase(Locale.ROOT))
                .append("; relevance level ").append(o.relevanceLevel())
                .append(o.ignoreIdenticalIds() ? "; identical ids ignored" : "")
                .append(o.meanDecimals().isPresent() ? "; means rounded to " + o.meanDecimals().getAsInt()
                        + " decimals" : "")
                .append('\n');
        sb.append("queries averaged: ").append(e.numQueries()).append(o.averaging() == Averaging.ALL_QRELS_QUERIES
                ? " (every judged qrels query, trec_eval -c)" : " (in both run and qrels)").append('\n');
        e.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        sb.append('\n').append(MarkdownTable.render(means(e))).append('\n');
        sb.append("recip_rank (MRR, no cutoff): ").append(String.format(Locale.ROOT, "%.4f",
                e.mean(Measure.RECIP_RANK.name(0)))).append('\n').append('\n');
        sb.append(perQuery ? "## Per query (trec_eval -q layout)\n\n" : "## Means (trec_eval layout)\n\n");
        sb.append(TrecEvalText.format(e, perQuery));
        return sb.toString();
    }

    /** Rows: the @k measures and any MRR@k variants; columns: the cutoffs. */
    static Table means(Evaluation e) {
        MetricOptions o = e.options();
        StringColumn names = StringColumn.create("measure");
        Table t = Table.create("means", names);
        for (int k : o.cutoffs()) {
            t.addColumns(DoubleColumn.create("@" + k));
        }
        for (Measure m : Measure.values()) {
            if (!m.hasCutoff()) {
                continue;
            }
            names.append(m.id());
            for (int k : o.cutoffs()) {
                t.doubleColumn("@" + k).append(e.mean(m.name(k)));
            }
        }
        for (MrrScores s : e.mrr().values()) {
            names.append("MRR (" + s.variant().id() + ", " + s.numQueries() + " queries)");
            for (int k : o.cutoffs()) {
                t.doubleColumn("@" + k).append(s.mean().get(MrrVariant.measureName(k)));
            }
        }
        return t;
    }
}
