/**
 * Step two: the data a run reads is hashed and checked against datasets.lock before anything is planned
 * ({@link dev.proctor.core.data.DataGate}), and the checks go into the provenance.
 */
package dev.proctor.core.data;
