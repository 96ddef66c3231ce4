package dev.proctor.datasets;

import java.util.Locale;

/**
 * What a run's data was checked against, for its provenance.
 *
 * @param datasetId the locked dataset (or, when unlocked, the task's name)
 * @param version   the lock's version; for unlocked data {@code content-<12 hex>}, a fingerprint of the files' hashes
 * @param files     how many files were checked (or, when unlocked, hashed)
 */
public record Verification(String datasetId, String version, int files, Status status) {

    public enum Status {
        /** Every file matched its pin in {@code datasets.lock}. */
        VERIFIED,
        /** {@code --allow-unlocked}: ad-hoc data, hashed but not pinned. */
        UNLOCKED;

        /** {@code verified} or {@code unlocked}, as results print it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
