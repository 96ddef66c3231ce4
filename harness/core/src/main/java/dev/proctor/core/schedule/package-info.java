/**
 * Step four: the {@link dev.proctor.core.schedule.Scheduler} pools every pending item's requests by kind, runs
 * identical ones once, skips stored ones, hands the rest to the model, and stores each response batch with the
 * items it completes. {@link dev.proctor.core.schedule.Batcher} is the one rule by which backends group inputs
 * under a padded-token budget.
 */
package dev.proctor.core.schedule;
