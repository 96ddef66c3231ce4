package dev.proctor.tasks.mmcu;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

/**
 * Python's {@code str()} of the values pandas gives for cells that are not text, which TestChatGPT.py prints as they
 * are ({@code "{}".format(value)}) when its option cleaning fails on them, and Python's {@code str.strip()}.
 */
final class PythonText {
    /**
     * Python's {@code str.isspace} characters: Java's whitespace, its space characters and NEL, as the answer rules'
     * translated patterns take them (UpstreamRules.PY_SPACE in the multiple-choice module).
     */
    private static final Pattern STRIP = Pattern.compile(
            "^[\\p{javaWhitespace}\\p{javaSpaceChar}\\x85]+|[\\p{javaWhitespace}\\p{javaSpaceChar}\\x85]+\\z");

    private PythonText() {
    }

    /** {@code str.strip()}. */
    static String strip(String s) {
        return STRIP.matcher(s).replaceAll("");
    }

    /**
     * {@code repr(float)}: the shortest digits that read back as the same double, positional from 1e-4 up to 1e16,
     * else with an exponent of at least two digits ({@code 1e-05}, {@code 1e+16}); always a point or an exponent.
     */
    static String floatRepr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = d.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (x < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format("%02d", Math.abs(exponent));
    }

    /** {@code str(bool)}. */
    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** {@code str()} of a datetime or Timestamp: {@code 2020-01-02 03:04:05}, microseconds only when there are some. */
    static String date(LocalDateTime d) {
        String s = String.format("%04d-%02d-%02d %02d:%02d:%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                d.getHour(), d.getMinute(), d.getSecond());
        int micros = d.getNano() / 1000;
        return micros == 0 ? s : s + String.format(".%06d", micros);
    }
}
