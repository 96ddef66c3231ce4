package dev.proctor.core.select;

/** Where a subject's data directory came from; it decides how the files are checked before scoring. */
public enum DataOrigin {
    /** Shipped inside Proctor: pinned by the harness version. */
    BUNDLED,
    /** Given with {@code --data-dir}: verified against datasets.lock, refused if not locked. */
    GIVEN,
    /** Given with {@code --allow-unlocked}: hashed and recorded as "unlocked", not verified. */
    UNLOCKED,
    /** A locked dataset's folder in Proctor's cache (fetched when missing, unless offline): verified. */
    CACHED
}
