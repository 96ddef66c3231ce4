/** Fakes shared by the core tests: a deterministic byte-level model and a task over small text files. */
package dev.proctor.core.testkit;
