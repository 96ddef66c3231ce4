/**
 * {@code proctor datasets list|fetch|verify|lock}: what {@code datasets.lock} pins, fetching a pinned release into
 * the cache (resumable, verified before it is renamed into place), verifying a folder against its pins, and pinning
 * a new one.
 */
package dev.proctor.cli.datasets;
