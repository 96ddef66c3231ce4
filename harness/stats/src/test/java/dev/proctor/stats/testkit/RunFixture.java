package dev.proctor.stats.testkit;

import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.core.aggregate.Aggregator;
import dev.proctor.core.aggregate.Summary;
import dev.proctor.core.result.ItemResult;
import dev.proctor.core.result.RunStats;
import dev.proctor.core.run.RunConfig;
import dev.proctor.core.run.ScoringMode;
import dev.proctor.report.Provenance;
import dev.proctor.report.RunReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Writes small run directories with Proctor's own report writer ({@link RunReport}), so the reader is tested on
 * exactly the files {@code proctor run} produces. Each item has four choices; a correct item puts the highest
 * log-likelihood on the gold choice, a wrong one on the next choice.
 */
public final class RunFixture {
    private final List<ItemResult> items = new ArrayList<>();

    /** Adds one subject's items; {@code pattern} is a string of 1 (correct) and 0 (wrong), one per item. */
    public RunFixture subject(String task, String subject, String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            add(task, subject, subject + "-" + i, pattern.charAt(i) == '1', 1.0 + i % 3);
        }
        return this;
    }

    /** One item; {@code goldNats} sets the gold continuation's negative log-likelihood (its bits per byte). */
    public RunFixture add(String task, String subject, String id, boolean correct, double goldNats) {
        int gold = Math.abs(id.hashCode()) % 4;
        double[] ll = {-9, -9, -9, -9};
        ll[gold] = -goldNats;
        ll[(gold + 1) % 4] = correct ? -goldNats - 1 : -goldNats + 0.5;
        items.add(new ItemResult(task, subject, id, "0".repeat(64), 0, ll, new int[] {1, 1, 1, 1},
                new int[] {4, 4, 4, 4}, gold));
        return this;
    }

    public Path write(Path dir, String runId) {
        LinkedHashSet<String> tasks = new LinkedHashSet<>();
        items.forEach(i -> tasks.add(i.task()));
        RunConfig config = new RunConfig(List.copyOf(tasks), Split.TEST, 0, OptionalInt.empty(), PromptFormat.OFFICIAL,
                ScoringMode.LETTER, 1234, 4096, Map.of());
        ModelInfo model = new ModelInfo(runId, "fixture", "cpu", "a".repeat(64), "b".repeat(64), 512, 0);
        Summary summary = Aggregator.aggregate(items, Map.of());
        new RunReport(Provenance.of(runId, "fixture:" + runId, model, config, List.of(), List.of()),
                summary.subjects(), summary.groups(), Map.of(), items, new RunStats(items.size(), 0, items.size(), 1, 0, 0, 0, 0))
                .writeTo(dir);
        return dir;
    }
}
