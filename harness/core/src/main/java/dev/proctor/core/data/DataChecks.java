package dev.proctor.core.data;

import dev.proctor.datasets.Verification;
import dev.proctor.report.DataCheck;
import dev.proctor.report.HarnessVersion;

/** How the data a run read was checked, as its report records it. */
public final class DataChecks {
    public static final String BUNDLED = "bundled";

    private DataChecks() {
    }

    /** Data shipped inside Proctor: pinned by the harness version itself. */
    public static DataCheck bundled(String task, String dataset, int files) {
        return new DataCheck(task, dataset, "proctor " + HarnessVersion.current().version(), BUNDLED, files);
    }

    /** The outcome of checking a task's files against datasets.lock (verified, or unlocked). */
    public static DataCheck of(String task, Verification v) {
        return new DataCheck(task, v.datasetId(), v.version(), v.status().label(), v.files());
    }
}
