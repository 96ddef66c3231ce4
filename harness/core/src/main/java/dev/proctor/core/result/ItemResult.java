package dev.proctor.core.result;

/**
 * The stored result of one item: enough to recompute every metric without the model.
 *
 * @param task            task name
 * @param subject         subject name
 * @param itemId          the item's id within its task
 * @param promptSha256    SHA-256 of the exact context string sent to the model
 * @param shotsUsed       few-shot examples actually in the prompt (shots are dropped when the context is too long)
 * @param choiceLogLik    per choice: log-likelihood of its continuation (letter mode: of its first token)
 * @param choiceChars     per choice: length in characters of the choice's continuation without the delimiter
 * @param choiceBytes     per choice: UTF-8 bytes of that text
 * @param gold            gold choice index
 */
public record ItemResult(
        String task,
        String subject,
        String itemId,
        String promptSha256,
        int shotsUsed,
        double[] choiceLogLik,
        int[] choiceChars,
        int[] choiceBytes,
        int gold) {

    /** argmax of the log-likelihood; ties go to the first index, as in lm-evaluation-harness. */
    public int prediction() {
        return argmax(choiceLogLik, null);
    }

    public boolean correct() {
        return prediction() == gold;
    }

    /** lm-eval acc_norm: log-likelihood divided by the choice's length in characters. */
    public boolean correctNorm() {
        return argmax(choiceLogLik, choiceChars) == gold;
    }

    /** lm-eval acc_bytes: log-likelihood divided by the choice's length in UTF-8 bytes. */
    public boolean correctBytes() {
        return argmax(choiceLogLik, choiceBytes) == gold;
    }

    /** Bits per byte of the gold continuation (OLMES): -log2(e) * ll(gold) / bytes(gold). */
    public double goldBitsPerByte() {
        return -choiceLogLik[gold] / Math.log(2) / choiceBytes[gold];
    }

    private static int argmax(double[] scores, int[] divisors) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            double v = divisors == null ? scores[i] : scores[i] / divisors[i];
            if (v > bestValue) {
                bestValue = v;
                best = i;
            }
        }
        return best;
    }
}
