/**
 * Metrics belong to tasks: a task declares each metric's name, direction and aggregation
 * ({@link dev.proctor.api.metric.Aggregation#MEAN} over items, or
 * {@link dev.proctor.api.metric.Aggregation#CORPUS} on a whole set) and which one is its main score; the
 * harness aggregates them all the same way.
 */
package dev.proctor.api.metric;
