package dev.proctor.report;

import dev.proctor.core.result.GroupScore;
import dev.proctor.core.result.SubjectScore;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The run summary as one Tablesaw table: a row per subject, then per task the category and overall rows, each
 * labelled with its averaging (macro = mean of subject accuracies, the official CMMLU/OpenCompass number;
 * micro = mean over questions, lm-evaluation-harness's). Column {@code stderr} is lm-eval's
 * sqrt(p(1-p)/(n-1)) for subjects, sqrt(sum se^2)/k for macro rows and lm-eval's pooled stderr for micro rows;
 * {@code stderr_binomial} is sqrt(p(1-p)/n), for subjects and micro rows.
 */
public final class SummaryTables {
    private SummaryTables() {
    }

    public static Table summary(List<SubjectScore> subjects, List<GroupScore> groups) {
        StringColumn task = StringColumn.create("task");
        StringColumn level = StringColumn.create("level");
        StringColumn name = StringColumn.create("name");
        StringColumn averaging = StringColumn.create("averaging");
        IntColumn n = IntColumn.create("n");
        DoubleColumn accuracy = DoubleColumn.create("accuracy");
        DoubleColumn stderr = DoubleColumn.create("stderr");
        DoubleColumn stderrBinomial = DoubleColumn.create("stderr_binomial");
        DoubleColumn accNorm = DoubleColumn.create("acc_norm");
        DoubleColumn bpb = DoubleColumn.create("gold_bpb");
        for (SubjectScore s : subjects) {
            task.append(s.task());
            level.append("subject");
            name.append(s.subject());
            averaging.append("");
            n.append(s.n());
            accuracy.append(s.accuracy());
            stderr.append(s.stderrLmEval());
            stderrBinomial.append(s.stderrBinomial());
            accNorm.append(s.accuracyNorm());
            bpb.append(s.goldBitsPerByte());
        }
        for (GroupScore g : groups) {
            task.append(g.task());
            level.append(GroupScore.OVERALL.equals(g.group()) ? "overall" : "category");
            name.append(g.group());
            averaging.append(g.averaging().name().toLowerCase(Locale.ROOT));
            n.append(g.n());
            accuracy.append(g.accuracy());
            stderr.append(g.stderr());
            stderrBinomial.append(binomialStderr(g));
            accNorm.appendMissing();
            bpb.appendMissing();
        }
        return Table.create("summary", task, level, name, averaging, n, accuracy, stderr, stderrBinomial, accNorm, bpb);
    }

    /** The binomial stderr only means something for an average over questions. */
    private static double binomialStderr(GroupScore g) {
        if (g.averaging() != dev.proctor.core.result.Averaging.MICRO || g.n() == 0) {
            return Double.NaN;
        }
        return Math.sqrt(g.accuracy() * (1 - g.accuracy()) / g.n());
    }

    /** Only the category and overall rows: what is printed after a run with many subjects. */
    public static Table groupsOnly(Table summary) {
        return summary.where(summary.stringColumn("level").isNotEqualTo("subject"));
    }
}
