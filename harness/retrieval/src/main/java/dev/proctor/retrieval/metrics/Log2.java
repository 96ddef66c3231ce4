package dev.proctor.retrieval.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * log2 of small integers (nDCG's discount arguments), correctly rounded to a double as C's log2 returns it.
 * ln(x)/ln(2) in doubles is off by one bit for x = 3 and many others, which moves nDCG in its 16th digit; the
 * values here are computed in 50-digit decimal arithmetic once and cached.
 */
final class Log2 {
    /** 40 digits: a double needs 17, the rest keeps the one final rounding right. */
    private static final MathContext MC = new MathContext(40);
    private static final BigDecimal EPSILON = BigDecimal.ONE.movePointLeft(44);
    private static final BigDecimal LN2 = ln(BigDecimal.valueOf(2));
    private static volatile double[] cache = new double[0];

    private Log2() {
    }

    static double of(int x) {
        if (x <= 0) {
            throw new IllegalArgumentException("log2 of " + x);
        }
        if ((x & (x - 1)) == 0) {
            return 31 - Integer.numberOfLeadingZeros(x);
        }
        double[] c = cache;
        if (x < c.length) {
            return c[x];
        }
        return grow(x)[x];
    }

    private static synchronized double[] grow(int x) {
        double[] c = cache;
        if (x < c.length) {
            return c;
        }
        int n = Math.max(x + 1, Math.min(2 * c.length, Integer.MAX_VALUE - 8));
        double[] bigger = Arrays.copyOf(c, n);
        for (int i = Math.max(1, c.length); i < n; i++) {
            bigger[i] = exact(i);
        }
        cache = bigger;
        return bigger;
    }

    /** log2(x) = e + ln(m)/ln(2) with x = 2^e·m, m in [0.75, 1.5), rounded once to the nearest double. */
    static double exact(int x) {
        int e = 31 - Integer.numberOfLeadingZeros(x);
        if (2L * x >= 3L << e) {
            e++;
        }
        BigDecimal m = new BigDecimal(x).divide(new BigDecimal(1L << e), MC);
        return BigDecimal.valueOf(e).add(ln(m).divide(LN2, MC), MC).doubleValue();
    }

    /** ln(m) as 2·atanh((m-1)/(m+1)); for m in [0.75, 2] the ratio is at most 1/3, so the series is short. */
    private static BigDecimal ln(BigDecimal m) {
        BigDecimal t = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        BigDecimal t2 = t.multiply(t, MC);
        BigDecimal power = t;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 1; power.abs().compareTo(EPSILON) > 0; k += 2) {
            sum = sum.add(power.divide(BigDecimal.valueOf(k), MC), MC);
            power = power.multiply(t2, MC);
        }
        return sum.multiply(BigDecimal.valueOf(2), MC);
    }
}
