package dev.proctor.cli.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.paired.PairedOptions;
import dev.proctor.stats.paired.SignFlipTest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Resampling settings shared by the statistics commands; all of them go into the report's provenance. */
final class BootstrapOptions {

    @Mixin
    IntervalOptions intervals = new IntervalOptions();

    @Option(names = "--permutations", defaultValue = "" + SignFlipTest.DEFAULT_RESAMPLES,
            description = "Monte Carlo sign-flip assignments (drawn with --seed) when exact enumeration is too large."
                    + " Default: ${DEFAULT-VALUE}.")
    int permutations;

    @Option(names = "--exact-max", defaultValue = "" + SignFlipTest.DEFAULT_EXACT_MAX,
            description = "Enumerate all sign flips up to this many non-zero differences. Default: ${DEFAULT-VALUE}.")
    int exactMax;

    BootstrapConfig bootstrap() {
        return intervals.bootstrap();
    }

    PairedOptions paired() {
        return new PairedOptions(bootstrap(), permutations, exactMax);
    }

    ObjectNode addTo(ObjectNode parameters) {
        BootstrapConfig config = bootstrap();
        parameters.put("resamples", config.resamples());
        parameters.put("seed", config.seed());
        parameters.put("rng", BootstrapConfig.RNG);
        parameters.put("confidencePercent", config.confidence().percent());
        parameters.put("permutationResamples", permutations);
        parameters.put("exactEnumerationMaxNonZero", exactMax);
        return parameters;
    }
}
