package dev.proctor.core.schedule;

import dev.proctor.core.result.ItemResult;
import dev.proctor.core.result.RunStats;
import java.util.List;

/** @param results one per planned item, in plan order, resumed ones included */
public record RunOutcome(List<ItemResult> results, RunStats stats) {
    public RunOutcome {
        results = List.copyOf(results);
    }
}
