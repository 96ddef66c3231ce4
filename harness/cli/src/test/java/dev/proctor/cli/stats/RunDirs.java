package dev.proctor.cli.stats;

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
 * Small run directories written with Proctor's own report writer: {@code subject(task, subject, "1101")} adds one
 * item per character, 1 answered correctly, 0 not.
 */
final class RunDirs {
    private final List<ItemResult> items = new ArrayList<>();

    RunDirs subject(String task, String subject, String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            boolean correct = pattern.charAt(i) == '1';
            int gold = i % 4;
            double[] ll = {-9, -9, -9, -9};
            ll[gold] = -1 - (i % 3) * 0.1;
            ll[(gold + 1) % 4] = correct ? ll[gold] - 1 : ll[gold] + 0.5;
            items.add(new ItemResult(task, subject, subject + "-" + i, "0".repeat(64), 0, ll,
                    new int[] {1, 1, 1, 1}, new int[] {4, 4, 4, 4}, gold));
        }
        return this;
    }

    Path write(Path dir) {
        String runId = dir.getFileName().toString();
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
