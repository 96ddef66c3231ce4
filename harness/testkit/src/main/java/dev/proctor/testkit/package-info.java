/**
 * Test support shared by the modules' test suites: where the shared reference folder is, and skipping with a
 * reason without it. Only ever a test-scope dependency.
 */
package dev.proctor.testkit;
