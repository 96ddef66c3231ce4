/**
 * Durable per-item results in SQLite, written one transaction per scored batch so a killed run loses at most the
 * batch in flight, and bound to a {@link dev.proctor.core.store.RunFingerprint} so a resumed run never mixes
 * results of a different configuration, data or model.
 */
package dev.proctor.core.store;
