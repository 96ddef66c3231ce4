package dev.proctor.tasks.mgt.detect;

import dev.proctor.api.NamedChoice;
import dev.proctor.api.ProctorException;
import dev.proctor.api.request.EmbedRequest;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.TokenStatistics;
import dev.proctor.api.request.TokenStatisticsRequest;

/**
 * How a text is judged. The zero-shot detectors read a causal LM's token statistics of the whole text (positions
 * that predict a next token, no prefix token added, as DetectGPT's baselines (eric-mitchell/detect-gpt@447d2ce,
 * run.py) and Binoculars compute them) and turn them into a machine score, higher for machine text, with the signs
 * of DetectGPT's criteria ({@code get_ll}, {@code -get_rank(log=True)}, {@code get_entropy}) and Binoculars' (lower
 * is machine); a threshold chosen on the fit split decides. The probe embeds
 * the text and a logistic regression trained on train decides. The boundary detector finds subtask C's change point.
 */
public enum Detector implements NamedChoice {
    /** Mean token log-likelihood (DetectGPT's {@code get_ll}, negated loss); machine text is more likely. */
    LOG_LIKELIHOOD("log-likelihood", 1),
    /** Mean log of the tokens' 1-based ranks (GLTR, DetectGPT's {@code get_rank(log=True)}); machine ranks lower. */
    LOG_RANK("log-rank", -1),
    /**
     * Mean entropy of the next-token distributions (DetectGPT's {@code get_entropy}), used as DetectGPT's
     * {@code entropy_criterion} uses it: higher means machine.
     */
    ENTROPY("entropy", 1),
    /**
     * Binoculars (ahans30/Binoculars@c8ae2f9): performer log-perplexity over cross-perplexity, machine below. As the
     * reference computes it, the cross-perplexity averages over every position, the last included, which predicts no
     * token of the text ({@link #BINOCULARS_ALIGNED} averages over the same positions as the perplexity).
     */
    BINOCULARS("binoculars", -1),
    /** Binoculars with both averages over the positions that predict a token of the text. */
    BINOCULARS_ALIGNED("binoculars-aligned", -1),
    /** Logistic regression (LIBLINEAR) on the model's text embeddings: trained on train, its C tuned on dev. */
    PROBE("probe", 1),
    /**
     * Subtask C: the word boundary that best splits the text into a less likely (human) head and a more likely
     * (machine) tail: the largest difference of mean token log-likelihoods after and before it.
     */
    BOUNDARY("log-likelihood-boundary", 1);

    private final String id;
    private final int direction;

    Detector(String id, int direction) {
        this.id = id;
        this.direction = direction;
    }

    @Override
    public String id() {
        return id;
    }

    public static Detector parse(String id) {
        return NamedChoice.lookup(Detector.class, "detector", id);
    }

    /** Whether it reads token statistics (all but the probe). */
    public boolean zeroShot() {
        return this != PROBE;
    }

    public RequestKind<?, ?> kind() {
        return zeroShot() ? RequestKind.TOKEN_STATISTICS : RequestKind.EMBED;
    }

    /** The request that judges a text. */
    public Request request(String text, int maxTokens) {
        return zeroShot() ? new TokenStatisticsRequest(text, maxTokens)
                : new EmbedRequest(text, EmbedRequest.Role.PASSAGE);
    }

    /** The raw statistic of a zero-shot detector (a mean log-likelihood, a Binoculars score). */
    public double statistic(TokenStatistics s) {
        return switch (this) {
            case LOG_LIKELIHOOD, BOUNDARY -> mean(s.logProbs(), s.logProbs().length);
            case LOG_RANK -> mean(s.logRanks(), s.logRanks().length);
            case ENTROPY -> mean(s.entropies(), s.entropies().length);
            case BINOCULARS, BINOCULARS_ALIGNED -> {
                if (!s.paired()) {
                    throw new ProctorException("the " + id + " detector compares two models; run it on a pair,"
                            + " --model binoculars:OBSERVER+PERFORMER (e.g."
                            + " binoculars:embedded:tiny-gpt+embedded:tiny-gpt-seed2)");
                }
                double logPpl = -mean(s.logProbs(), s.logProbs().length);
                int positions = this == BINOCULARS ? s.crossEntropies().length : s.logProbs().length;
                yield logPpl / mean(s.crossEntropies(), positions);
            }
            case PROBE -> throw new IllegalStateException("the probe reads embeddings");
        };
    }

    /** The statistic turned so that higher means machine. */
    public double machineScore(TokenStatistics s) {
        return direction * statistic(s);
    }

    /** +1 when a higher statistic means machine text, -1 when a lower one does. */
    public int direction() {
        return direction;
    }

    private static double mean(double[] values, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return sum / n;
    }
}
