package dev.proctor.stats.bootstrap;

/**
 * A two-sided confidence level in percent. Kept in percent so the percentiles are exact: 95 gives 2.5 and 97.5,
 * the very numbers passed to {@code np.percentile}, whereas 0.95 in binary would give 2.5000000000000022.
 *
 * @param percent e.g. 95
 */
public record ConfidenceLevel(double percent) {
    public static final ConfidenceLevel NINETY_FIVE = new ConfidenceLevel(95);

    public ConfidenceLevel {
        if (!(percent > 0 && percent < 100)) {
            throw new IllegalArgumentException("confidence level must be in (0, 100) percent, got " + percent);
        }
    }

    public double lowerPercentile() {
        return (100 - percent) / 2;
    }

    public double upperPercentile() {
        return 100 - lowerPercentile();
    }
}
