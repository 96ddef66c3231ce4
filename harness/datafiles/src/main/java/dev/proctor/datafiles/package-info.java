/**
 * Reading benchmark files and fingerprinting them: readers that keep line numbers so every error names
 * file and line, and SHA-256 hashing for provenance and dataset locks.
 */
package dev.proctor.datafiles;
