package dev.proctor.stats.snr;

/**
 * Step k of subtask filtering: the k subtasks with the highest SNR, aggregated.
 *
 * @param k         subtasks in the aggregate
 * @param added     the subtask added at this step
 * @param subtask   that subtask's own signal and noise
 * @param aggregate the aggregate's signal and noise
 */
public record FilterStep(int k, String added, SnrResult subtask, SnrResult aggregate) {
}
