/**
 * Step one: task selections ({@code cmmlu}, {@code cmmlu:agronomy}, {@code @file}) become tasks, checked against
 * the model's capabilities before anything is read, then subjects with the data directory each is read from
 * ({@link dev.proctor.core.select.DataSources}: given, bundled, or a locked dataset in the cache).
 */
package dev.proctor.core.select;
