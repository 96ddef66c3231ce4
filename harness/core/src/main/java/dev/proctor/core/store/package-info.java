/**
 * The run's store: every response keyed by its model and request ({@link dev.proctor.core.store.Canonical}), every
 * scored item, and the run fingerprint that keeps two runs from mixing, in one SQLite file that survives a kill at
 * any moment.
 */
package dev.proctor.core.store;
