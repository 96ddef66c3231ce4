package dev.proctor.cli.stats;

import dev.proctor.api.ProctorException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * A merged model's run and the fine-tuned run of each task it came from: {@code proctor compare} and
 * {@code proctor report} read them with the same options and the same rule that they go together.
 */
public final class MergeOptions {

    @Option(names = "--merged", paramLabel = "RUN", description = "Run directory of the merged model.")
    Path merged;

    @Option(names = "--finetuned", split = ",", paramLabel = "TASK=RUN",
            description = "Per task (or task:subject), the fine-tuned model's run directory. Comma-separated or repeated.")
    Map<String, Path> finetuned = new LinkedHashMap<>();

    /** Whether either option was given. */
    public boolean given() {
        return merged != null || !finetuned.isEmpty();
    }

    /** The merged run, when given; refuses one option without the other. */
    public Optional<Path> merged() {
        if (given() && (merged == null || finetuned.isEmpty())) {
            throw new ProctorException("--merged and --finetuned go together: --merged M --finetuned task1=F1,task2=F2");
        }
        return Optional.ofNullable(merged);
    }

    /** Per task (or {@code task:subject}), the fine-tuned run, in the order given. */
    public Map<String, Path> finetuned() {
        return finetuned;
    }
}
