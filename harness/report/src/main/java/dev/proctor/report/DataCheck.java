package dev.proctor.report;

/**
 * How one task's data files were checked before scoring.
 *
 * @param task    the task that read the files
 * @param dataset the dataset id in {@code datasets.lock}, or the task name where nothing is locked
 * @param version the locked version, or a fingerprint of the files' hashes for unlocked data
 * @param status  {@code verified} (every file matched its pin), {@code bundled} (data shipped inside Proctor),
 *                or {@code unlocked} (the user's {@code --allow-unlocked} data, not checked against any pin)
 * @param files   number of files checked
 */
public record DataCheck(String task, String dataset, String version, String status, int files) {
}
