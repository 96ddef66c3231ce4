package dev.proctor.datafiles;

/** Whether a split's rows must carry a gold answer. */
public enum GoldPolicy {
    /** An empty or missing answer is an error. */
    REQUIRED,
    /** An empty or missing answer gives {@link dev.proctor.api.task.mc.Item#NO_GOLD} (a release without answers). */
    OPTIONAL
}
