package dev.proctor.htmlreport;

import dev.proctor.stats.paired.PairedOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a report shows: run directories (several get a leaderboard, and the first is compared item by item with each
 * other one), a merged model with the fine-tuned model of each task, and {@code proctor snr} reports.
 *
 * @param finetuned by task (or {@code task:subject}), the fine-tuned model's run
 * @param snr       folders written by {@code proctor snr --out DIR}
 * @param paired    the bootstrap and tests of the leaderboard and the paired views
 */
public record ReportInputs(List<Path> runs, Optional<Path> merged, Map<String, Path> finetuned, List<Path> snr,
                           PairedOptions paired) {
    public ReportInputs {
        runs = List.copyOf(runs);
        finetuned = Map.copyOf(finetuned);
        snr = List.copyOf(snr);
    }
}
