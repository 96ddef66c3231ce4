package dev.proctor.cli.stats;

import dev.proctor.api.ProctorException;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import picocli.CommandLine.Option;

/**
 * The bootstrap's resamples, seed and confidence level: every command that reports bootstrap intervals takes them
 * under the same names, and records them.
 */
public final class IntervalOptions {

    @Option(names = "--resamples", defaultValue = "" + BootstrapConfig.DEFAULT_RESAMPLES,
            description = "Bootstrap resamples. Default: ${DEFAULT-VALUE}.")
    int resamples;

    @Option(names = "--seed", defaultValue = "" + BootstrapConfig.DEFAULT_SEED,
            description = "Seed of the resampling (recorded). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--confidence", defaultValue = "95", paramLabel = "PERCENT",
            description = "Confidence level of the percentile intervals, in percent. Default: ${DEFAULT-VALUE}.")
    double confidence;

    /** The settings; values out of range are a user error, raised before any work is done by calling this first. */
    public BootstrapConfig bootstrap() {
        try {
            return new BootstrapConfig(resamples, seed, new ConfidenceLevel(confidence));
        } catch (IllegalArgumentException e) {
            throw new ProctorException("--resamples " + resamples + " --confidence " + confidence + ": "
                    + e.getMessage());
        }
    }
}
