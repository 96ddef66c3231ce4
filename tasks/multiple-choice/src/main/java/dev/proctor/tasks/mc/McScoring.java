package dev.proctor.tasks.mc;

import dev.proctor.api.metric.MetricSpec;
import dev.proctor.api.metric.Metrics;
import dev.proctor.api.request.GenerateRequest;
import dev.proctor.api.request.Generation;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.api.request.LoglikelihoodRequest;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.Response;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.TaskItem;
import dev.proctor.api.task.mc.Item;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three ways a multiple-choice item is put to a model, each its requests and its scorer.
 *
 * <ul>
 *   <li>letter: one log-likelihood request per choice, of the continuation's first token only (official MMLU/CMMLU);
 *   <li>loglik: one per choice, of the whole continuation (lm-evaluation-harness's multiple_choice);
 *   <li>generate: one greedy generation until a newline, the letter read by an {@link AnswerRule} and compared with the
 *       gold one as a string (several letters for MMCU, order included); what an unread answer counts as is
 *       {@link NoAnswer}'s.
 * </ul>
 */
final class McScoring {
    /** Generation stops at the first newline: an answer is one line (lm-eval's generative MMLU stops there too). */
    static final List<String> STOP = List.of("\n");
    static final int DEFAULT_MAX_NEW_TOKENS = 32;

    private final ScoringMode mode;
    private final AnswerRule rule;
    private final int maxNewTokens;
    private final List<String> stop;
    private final NoAnswer noAnswer;

    /** @param stop where a generation ends: {@link #STOP}, or a chain of thought's own */
    McScoring(ScoringMode mode, AnswerRule rule, int maxNewTokens, List<String> stop, NoAnswer noAnswer) {
        this.mode = mode;
        this.rule = rule;
        this.maxNewTokens = maxNewTokens;
        this.stop = List.copyOf(stop);
        this.noAnswer = noAnswer;
    }

    static Metrics metrics(ScoringMode mode, AnswerRule rule, NoAnswer noAnswer) {
        if (mode == ScoringMode.GENERATE) {
            return Metrics.means("exact_match", List.of(
                    MetricSpec.accuracy("exact_match", "the letter read from the generation by rule " + rule.id()
                            + " (" + rule.description() + ") is the gold letter"
                            + (noAnswer.randomLetter() ? ", or, where none is read, a seeded random letter is" : "")),
                    new MetricSpec("no_answer", dev.proctor.api.metric.Aggregation.MEAN, false, true,
                            "no letter could be read from the generation (" + noAnswer.description() + ")")));
        }
        String how = mode == ScoringMode.LETTER
                ? "log-probability of each choice's first token after the prompt (official letter scoring)"
                : "summed log-likelihood of each choice's continuation (lm-evaluation-harness)";
        return Metrics.means("acc", List.of(
                MetricSpec.accuracy("acc", "the choice with the highest " + how + " is the gold one (lm-eval acc)"),
                MetricSpec.accuracy("acc_norm", "argmax of log-likelihood / characters of the choice without its"
                        + " delimiter (lm-eval acc_norm)"),
                MetricSpec.accuracy("acc_bytes", "argmax of log-likelihood / UTF-8 bytes of the choice without its"
                        + " delimiter (lm-eval acc_bytes)"),
                MetricSpec.mean("bpb", false, "bits per byte of the gold continuation as OLMES computes it (the"
                        + " Signal and Noise paper's bits_per_byte_corr): -log2(e) * loglik(gold) / UTF-8 bytes of the"
                        + " continuation including its leading delimiter")));
    }

    List<Request> requests(RenderedPrompt prompt) {
        if (mode == ScoringMode.GENERATE) {
            return List.of(new GenerateRequest(prompt.context(), stop, maxNewTokens));
        }
        List<Request> out = new ArrayList<>();
        for (String continuation : prompt.continuations()) {
            out.add(new LoglikelihoodRequest(prompt.context(), continuation, mode == ScoringMode.LETTER));
        }
        return out;
    }

    /**
     * @param continuations each continuation as scored, with the answer delimiter: what bits per byte divides by
     * @param labels        each continuation without the delimiter: what acc_norm and acc_bytes divide by
     * @param letters       the item's choice letters
     */
    TaskItem.Scorer scorer(Item item, List<String> continuations, List<String> labels, List<String> letters) {
        if (mode == ScoringMode.GENERATE) {
            String gold = item.hasGold() ? item.goldLabel(letters) : null;
            return responses -> generated((Generation) responses.get(0), item, gold, letters);
        }
        int gold = item.gold();
        if (gold == Item.NO_GOLD && item.goldLetters() != null) {
            return responses -> {
                throw new IllegalStateException("item " + item.id() + " has several answers (" + item.goldLetters()
                        + "): only generation scores it");
            };
        }
        int goldBytes = gold >= 0 ? continuations.get(gold).getBytes(StandardCharsets.UTF_8).length : 0;
        return responses -> scored(responses, gold, goldBytes, labels);
    }

    /** The letters read (or, on request, a random letter where none is) against the gold letters, as strings. */
    private ItemScore generated(Generation g, Item item, String gold, List<String> letters) {
        Optional<String> read = rule.read(g.text(), letters);
        Optional<String> random = read.isEmpty() ? noAnswer.letter(item.id(), letters) : Optional.empty();
        Optional<String> answer = read.or(() -> random);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("exact_match", answer.isPresent() && answer.get().equals(gold) ? 1.0 : 0.0);
        values.put("no_answer", read.isEmpty() ? 1.0 : 0.0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("generation", g.text());
        details.put("extracted", read.orElse(null));
        details.put("rule", rule.id());
        random.ifPresent(letter -> details.put("randomLetter", letter));
        details.put("finish", g.finish().id());
        return new ItemScore(values, answer.map(a -> prediction(a, item, letters)).orElse(null), details);
    }

    /** A choice index, as every scoring mode predicts one; the letters themselves where the answer is letters. */
    private static Object prediction(String answer, Item item, List<String> letters) {
        int index = letters.indexOf(answer);
        return item.goldLetters() == null && index >= 0 ? (Object) index : answer;
    }

    private static ItemScore scored(List<Response> responses, int gold, int goldBytes, List<String> labels) {
        int n = responses.size();
        double[] ll = new double[n];
        List<Object> greedy = new ArrayList<>(n);
        int[] chars = new int[n];
        int[] bytes = new int[n];
        for (int i = 0; i < n; i++) {
            Loglikelihood r = (Loglikelihood) responses.get(i);
            ll[i] = r.logLikelihood();
            greedy.add(r.greedy());
            chars[i] = labels.get(i).codePointCount(0, labels.get(i).length()); // Python's len(): code points
            bytes[i] = labels.get(i).getBytes(StandardCharsets.UTF_8).length;
        }
        int prediction = argmax(ll, null);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("acc", prediction == gold ? 1.0 : 0.0);
        values.put("acc_norm", argmax(ll, chars) == gold ? 1.0 : 0.0);
        values.put("acc_bytes", argmax(ll, bytes) == gold ? 1.0 : 0.0);
        values.put("bpb", -ll[gold] / Math.log(2) / goldBytes);
        Map<String, Object> details = new LinkedHashMap<>();
        List<Object> lls = new ArrayList<>(n);
        for (double v : ll) {
            lls.add(v);
        }
        details.put("choiceLoglik", lls);
        details.put("greedy", greedy);
        return new ItemScore(values, prediction, details);
    }

    /** argmax of the scores (divided where divisors are given); ties go to the first index, as in lm-eval. */
    static int argmax(double[] scores, int[] divisors) {
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

    ScoringMode mode() {
        return mode;
    }

    AnswerRule rule() {
        return rule;
    }

    List<String> stop() {
        return stop;
    }

    int maxNewTokens() {
        return maxNewTokens;
    }

    NoAnswer noAnswer() {
        return noAnswer;
    }
}
