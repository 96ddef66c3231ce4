package dev.proctor.stats.io;

/**
 * One line of a run's {@code samples.jsonl}, reduced to what statistics need.
 *
 * @param task            task name
 * @param subject         subject name
 * @param id              the item's id within its task
 * @param gold            gold choice index (compared across runs to catch different data under the same ids)
 * @param correct         argmax of the log-likelihoods is the gold choice
 * @param correctNorm     the same after lm-eval's length normalisation
 * @param goldBitsPerByte bits per byte of the gold continuation (NaN when the run did not record it)
 */
public record ItemOutcome(String task, String subject, String id, int gold, boolean correct, boolean correctNorm,
                          double goldBitsPerByte) {

    /** {@code task/id}: how items are matched across runs. */
    public String key() {
        return task + "/" + id;
    }
}
