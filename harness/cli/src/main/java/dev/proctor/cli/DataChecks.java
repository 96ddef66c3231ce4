package dev.proctor.cli;

import dev.proctor.datasets.Verification;
import dev.proctor.report.DataCheck;
import dev.proctor.report.HarnessVersion;

/** How the data a command read was checked, as its report records it; one shape for run and retrieve. */
public final class DataChecks {
    public static final String BUNDLED = "bundled";

    private DataChecks() {
    }

    /** Data shipped inside Proctor: pinned by the harness version itself. */
    public static DataCheck bundled(String name, int files) {
        return new DataCheck(name, name, "proctor " + HarnessVersion.current().version(), BUNDLED, files);
    }

    /** The outcome of checking {@code name}'s files against datasets.lock (verified, or unlocked). */
    public static DataCheck of(String name, Verification v) {
        return new DataCheck(name, v.datasetId(), v.version(), v.status().label(), v.files());
    }
}
