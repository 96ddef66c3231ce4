package dev.proctor.stats.rank;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Agreement between two rankings of the same models (two prompt formats, zero vs five shots), as scipy 1.10
 * reports it: Kendall's tau-b (Commons Math, as scipy's default and R's {@code cor(method='kendall')}), tau-c
 * (scipy's variant='c'), Spearman's rho (Pearson on average ranks), and scipy's p-values. Every statistic is NaN
 * for fewer than two models or a constant ranking, where scipy returns NaN and R NA.
 *
 * @param n          models
 * @param tauB       Kendall tau-b
 * @param tauC       Kendall tau-c (Stuart)
 * @param kendallP   two-sided p of tau (scipy's 'auto': exact null distribution without ties and n ≤ 33,
 *                   otherwise the normal approximation with tie-corrected variance); shared by tau-b and tau-c
 * @param spearmanRho Spearman rho
 * @param spearmanP  two-sided p from scipy's t approximation with n − 2 degrees of freedom (R's is exact for
 *                   small n and differs, e.g. 0.49911 vs 0.49856 at n = 12)
 */
public record RankCorrelation(int n, double tauB, double tauC, double kendallP, double spearmanRho,
                              double spearmanP) {

    public static RankCorrelation of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("rankings of different lengths: " + x.length + " vs " + y.length);
        }
        int n = x.length;
        if (n < 2 || constant(x) || constant(y)) {
            return new RankCorrelation(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double tauB = new KendallsCorrelation().correlation(x, y);
        double rho = new SpearmansCorrelation().correlation(x, y);
        return new RankCorrelation(n, tauB, tauC(x, y), kendallP(x, y), rho, spearmanP(rho, n));
    }

    /** scipy: 2(P − Q) / (n² (m − 1) / m), m the smaller number of distinct values. */
    static double tauC(double[] x, double[] y) {
        int n = x.length;
        double minClasses = Math.min(distinct(x), distinct(y));
        return 2 * concordantMinusDiscordant(x, y) / (n * (double) n * (minClasses - 1) / minClasses);
    }

    static long concordantMinusDiscordant(double[] x, double[] y) {
        long s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                s += (long) Math.signum(x[i] - x[j]) * (long) Math.signum(y[i] - y[j]);
            }
        }
        return s;
    }

    /** scipy.stats.kendalltau's p-value with method='auto'. */
    static double kendallP(double[] x, double[] y) {
        int n = x.length;
        long tot = (long) n * (n - 1) / 2;
        long conMinusDis = concordantMinusDiscordant(x, y);
        Ties tx = Ties.of(x);
        Ties ty = Ties.of(y);
        long xyTies = jointTies(x, y);
        long dis = (tot - tx.pairs - ty.pairs + xyTies - conMinusDis) / 2;
        if (tx.pairs == 0 && ty.pairs == 0 && (n <= 33 || Math.min(dis, tot - dis) <= 1)) {
            return KendallExact.twoSided(n, tot - dis);
        }
        double m = n * (n - 1.0);
        double var = (m * (2 * n + 5) - tx.x1 - ty.x1) / 18
                + (2.0 * tx.pairs * ty.pairs) / m + tx.x0 * ty.x0 / (9 * m * (n - 2));
        double z = conMinusDis / Math.sqrt(var);
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** scipy.stats.spearmanr: t = rho·sqrt((n−2)/((rho+1)(1−rho))), two-sided Student t tail. */
    static double spearmanP(double rho, int n) {
        if (n < 3) {
            return Double.NaN;
        }
        double dof = n - 2;
        double t = rho * Math.sqrt(Math.max(0, dof / ((rho + 1.0) * (1.0 - rho))));
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return 2 * new TDistribution(null, dof).cumulativeProbability(-Math.abs(t));
    }

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }

    private static int distinct(double[] v) {
        return (int) java.util.Arrays.stream(v).distinct().count();
    }

    /** Pairs tied in both x and y. */
    private static long jointTies(double[] x, double[] y) {
        long t = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                t += x[i] == x[j] && y[i] == y[j] ? 1 : 0;
            }
        }
        return t;
    }

    /** scipy's count_rank_tie: tied pairs, and the two sums its variance formula needs. */
    private record Ties(long pairs, double x0, double x1) {
        static Ties of(double[] v) {
            Map<Double, Integer> counts = new HashMap<>();
            for (double x : v) {
                counts.merge(x, 1, Integer::sum);
            }
            long pairs = 0;
            double x0 = 0;
            double x1 = 0;
            for (int c : counts.values()) {
                pairs += (long) c * (c - 1) / 2;
                x0 += c * (c - 1.0) * (c - 2);
                x1 += c * (c - 1.0) * (2 * c + 5);
            }
            return new Ties(pairs, x0, x1);
        }
    }
}
