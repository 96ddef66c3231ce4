package dev.proctor.cli.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.ConfidenceLevel;
import dev.proctor.stats.paired.PairedOptions;
import dev.proctor.stats.paired.SignFlipTest;
import picocli.CommandLine.Option;

/** Resampling settings shared by the statistics commands; all of them go into the report's provenance. */
final class BootstrapOptions {

    @Option(names = "--resamples", defaultValue = "" + BootstrapConfig.DEFAULT_RESAMPLES,
            description = "Bootstrap resamples. Default: ${DEFAULT-VALUE}.")
    int resamples;

    @Option(names = "--seed", defaultValue = "" + BootstrapConfig.DEFAULT_SEED,
            description = "Seed of the bootstrap and of Monte Carlo permutations (recorded). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--confidence", defaultValue = "95", paramLabel = "PERCENT",
            description = "Confidence level of the percentile intervals, in percent. Default: ${DEFAULT-VALUE}.")
    double confidence;

    @Option(names = "--permutations", defaultValue = "" + SignFlipTest.DEFAULT_RESAMPLES,
            description = "Monte Carlo sign-flip assignments when exact enumeration is too large. Default: ${DEFAULT-VALUE}.")
    int permutations;

    @Option(names = "--exact-max", defaultValue = "" + SignFlipTest.DEFAULT_EXACT_MAX,
            description = "Enumerate all sign flips up to this many non-zero differences. Default: ${DEFAULT-VALUE}.")
    int exactMax;

    BootstrapConfig bootstrap() {
        return new BootstrapConfig(resamples, seed, new ConfidenceLevel(confidence));
    }

    PairedOptions paired() {
        return new PairedOptions(bootstrap(), permutations, exactMax);
    }

    ObjectNode addTo(ObjectNode parameters) {
        parameters.put("resamples", resamples);
        parameters.put("seed", seed);
        parameters.put("rng", BootstrapConfig.RNG);
        parameters.put("confidencePercent", confidence);
        parameters.put("permutationResamples", permutations);
        parameters.put("exactEnumerationMaxNonZero", exactMax);
        return parameters;
    }
}
