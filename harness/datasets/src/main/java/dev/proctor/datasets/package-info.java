/**
 * Pinned benchmark data: {@code datasets.lock}, fetching into a verified cache, and checking local copies.
 * <ul>
 *   <li>{@link dev.proctor.datasets.DatasetLock}, {@link dev.proctor.datasets.DatasetEntry},
 *       {@link dev.proctor.datasets.DatasetSource}, {@link dev.proctor.datasets.LockedFile}: the lock file,
 *       read and written with Jackson; a file without a SHA-256 cannot be locked;</li>
 *   <li>{@link dev.proctor.datasets.Locker}: computes an entry from a folder, a zip's address or file addresses;</li>
 *   <li>{@link dev.proctor.datasets.Fetcher} over {@link dev.proctor.datasets.Downloader}: resumable downloads
 *       into {@link dev.proctor.datasets.DatasetCache}, renamed into place only after size and hash verified;</li>
 *   <li>{@link dev.proctor.datasets.Verifier}: checks local files against the lock (only the files asked about
 *       must exist) and returns a {@link dev.proctor.datasets.Verification} for a run's provenance;
 *       {@link dev.proctor.datasets.DatasetResolver}: a dataset's folder in the cache, {@code offline} or not;</li>
 *   <li>{@link dev.proctor.datasets.ArchiveExtractor}: zip extraction that refuses zip-slip and zip bombs.</li>
 * </ul>
 * A file that does not match its pin is a {@link dev.proctor.datasets.ChecksumMismatchException} naming file,
 * expected and actual hash; missing files are a {@link dev.proctor.datasets.MissingDataException} naming them and
 * the command that fetches them. Nothing here skips verification.
 */
package dev.proctor.datasets;
