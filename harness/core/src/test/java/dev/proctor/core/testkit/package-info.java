/** Fakes for the core tests: a model for every request kind and a task over small text files. */
package dev.proctor.core.testkit;
