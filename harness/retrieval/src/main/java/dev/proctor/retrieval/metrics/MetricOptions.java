package dev.proctor.retrieval.metrics;

import dev.proctor.api.ProctorException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a run is scored. The defaults are pytrec_eval's as BEIR and MTEB call it; each departure is a named
 * option so that the effective settings can be written next to the numbers.
 *
 * @param cutoffs           the k of every @k measure, ascending and distinct (given in any order)
 * @param relevanceLevel    the smallest qrels value that counts as relevant for MAP, recall, P, success and
 *                          recip_rank (nDCG's gain is always the qrels value itself)
 * @param averaging         which queries the means are taken over
 * @param scorePrecision    the precision at which scores tie
 * @param ignoreIdenticalIds drop a run's document whose id equals its query id (BEIR's default)
 * @param meanDecimals      round means to this many decimals, as BEIR does with 5; empty keeps full precision
 * @param mrrVariants       the MRR@k variants to compute besides the trec_eval measures
 */
public record MetricOptions(List<Integer> cutoffs, int relevanceLevel, Averaging averaging,
                            ScorePrecision scorePrecision, boolean ignoreIdenticalIds, OptionalInt meanDecimals,
                            Set<MrrVariant> mrrVariants) {

    public static final List<Integer> DEFAULT_CUTOFFS = List.of(1, 3, 5, 10, 100);

    public MetricOptions {
        if (cutoffs == null || cutoffs.isEmpty()) {
            throw new ProctorException("at least one cutoff k is needed, e.g. 1,3,5,10,100");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer k : cutoffs) {
            if (k == null || k < 1) {
                throw new ProctorException("a cutoff k must be a positive integer, found " + k);
            }
            sorted.add(k);
        }
        cutoffs = List.copyOf(sorted);
        if (relevanceLevel < 0) {
            throw new ProctorException("the relevance level must be 0 or more, found " + relevanceLevel);
        }
        if (averaging == null || scorePrecision == null || meanDecimals == null) {
            throw new ProctorException("averaging, score precision and mean rounding must be given");
        }
        if (meanDecimals.isPresent() && (meanDecimals.getAsInt() < 0 || meanDecimals.getAsInt() > 17)) {
            throw new ProctorException("means can be rounded to 0 to 17 decimals, not " + meanDecimals.getAsInt());
        }
        EnumSet<MrrVariant> variants = EnumSet.noneOf(MrrVariant.class);
        if (mrrVariants != null) {
            variants.addAll(mrrVariants);
        }
        mrrVariants = java.util.Collections.unmodifiableSet(variants);
    }

    /** pytrec_eval as BEIR and MTEB call it, at k = 1, 3, 5, 10, 100. */
    public static MetricOptions defaults() {
        return of(DEFAULT_CUTOFFS);
    }

    /** pytrec_eval's conventions at the given cutoffs. */
    public static MetricOptions of(Collection<Integer> cutoffs) {
        return new MetricOptions(List.copyOf(cutoffs), 1, Averaging.EVALUATED_QUERIES, ScorePrecision.FLOAT32,
                false, OptionalInt.empty(), Set.of());
    }

    /** BEIR's {@code EvaluateRetrieval.evaluate} defaults: identical ids dropped, means rounded to 5, BEIR's MRR. */
    public static MetricOptions beir(Collection<Integer> cutoffs) {
        return of(cutoffs).withIgnoreIdenticalIds(true).withMeanDecimals(5).withMrr(MrrVariant.BEIR);
    }

    /** MTEB's retrieval scores: pytrec_eval means unrounded plus MTEB's MRR. */
    public static MetricOptions mteb(Collection<Integer> cutoffs) {
        return of(cutoffs).withMrr(MrrVariant.MTEB);
    }

    public MetricOptions withCutoffs(Collection<Integer> k) {
        return new MetricOptions(List.copyOf(k), relevanceLevel, averaging, scorePrecision, ignoreIdenticalIds,
                meanDecimals, mrrVariants);
    }

    public MetricOptions withRelevanceLevel(int level) {
        return new MetricOptions(cutoffs, level, averaging, scorePrecision, ignoreIdenticalIds, meanDecimals,
                mrrVariants);
    }

    public MetricOptions withAveraging(Averaging a) {
        return new MetricOptions(cutoffs, relevanceLevel, a, scorePrecision, ignoreIdenticalIds, meanDecimals,
                mrrVariants);
    }

    public MetricOptions withScorePrecision(ScorePrecision p) {
        return new MetricOptions(cutoffs, relevanceLevel, averaging, p, ignoreIdenticalIds, meanDecimals,
                mrrVariants);
    }

    public MetricOptions withIgnoreIdenticalIds(boolean ignore) {
        return new MetricOptions(cutoffs, relevanceLevel, averaging, scorePrecision, ignore, meanDecimals,
                mrrVariants);
    }

    public MetricOptions withMeanDecimals(int decimals) {
        return new MetricOptions(cutoffs, relevanceLevel, averaging, scorePrecision, ignoreIdenticalIds,
                OptionalInt.of(decimals), mrrVariants);
    }

    /** Adds MRR@k variants to those already chosen. */
    public MetricOptions withMrr(MrrVariant... variants) {
        EnumSet<MrrVariant> all = EnumSet.noneOf(MrrVariant.class);
        all.addAll(mrrVariants);
        all.addAll(Arrays.asList(variants));
        return new MetricOptions(cutoffs, relevanceLevel, averaging, scorePrecision, ignoreIdenticalIds,
                meanDecimals, all);
    }

    int[] cutoffArray() {
        return cutoffs.stream().mapToInt(Integer::intValue).toArray();
    }
}
