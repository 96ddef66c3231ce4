package dev.proctor.stats.snr;

/** Which signal formula: the paper's dispersion (default) or the std variant of their meta-analysis. */
public enum SignalVariant {
    /** (max − min) / mean over models: snr/metrics.py. */
    DISPERSION,
    /** std (ddof = 1) / mean over models: metaanalysis.py's pandas {@code .std()}. */
    STD;

    public static SignalVariant parse(String text) {
        return switch (text) {
            case "dispersion" -> DISPERSION;
            case "std" -> STD;
            default -> throw new dev.proctor.api.UnknownNameException("signal variant", text, java.util.List.of("dispersion", "std"));
        };
    }
}
