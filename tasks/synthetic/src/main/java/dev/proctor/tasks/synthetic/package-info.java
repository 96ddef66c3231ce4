/**
 * The bundled synthetic suite: small English and Chinese multiple-choice subjects about invented facts,
 * shipped inside the jar in CMMLU's CSV layout and extracted once to Proctor's cache, so Proctor runs end to
 * end without downloading a benchmark.
 */
package dev.proctor.tasks.synthetic;
