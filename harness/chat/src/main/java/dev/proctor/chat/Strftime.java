package dev.proctor.chat;

import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * transformers' {@code strftime_now(format)}: {@code datetime.now().strftime(format)}, the local time formatted as C's
 * strftime does in the C locale (English names, no time zone: Python's {@code now()} is naive). The clock and zone are
 * the render's ({@link JinjavaConfig#getDateTimeProvider()}, {@link JinjavaConfig#getTimeZone()}), so tests can fix
 * them. A directive this does not know is an error rather than text that may differ from Python's.
 */
final class Strftime {
    private Strftime() {
    }

    /** {@code strftime_now(format)} at the current render's clock. */
    static String now(String format) {
        JinjavaConfig config = JinjavaInterpreter.getCurrent().getConfig();
        Instant now = Instant.ofEpochMilli(config.getDateTimeProvider().getCurrentTimeMillis());
        return format(LocalDateTime.ofInstant(now, config.getTimeZone()), format);
    }

    static String format(LocalDateTime t, String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            out.append(directive(t, format.charAt(++i)));
        }
        return out.toString();
    }

    private static String directive(LocalDateTime t, char d) {
        return switch (d) {
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
            case 'c' -> format(t, "%a %b %e %H:%M:%S %Y");
            case 'd' -> two(t.getDayOfMonth());
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'f' -> String.format("%06d", t.getNano() / 1000);
            case 'H' -> two(t.getHour());
            case 'I' -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'm' -> two(t.getMonthValue());
            case 'M' -> two(t.getMinute());
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'S' -> two(t.getSecond());
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'x' -> format(t, "%m/%d/%y");
            case 'X' -> format(t, "%H:%M:%S");
            case 'y' -> two(t.getYear() % 100);
            case 'Y' -> Integer.toString(t.get(ChronoField.YEAR));
            case 'z', 'Z' -> ""; // a naive datetime has no zone
            case '%' -> "%";
            default -> throw new PyError("strftime_now: unsupported directive %" + d);
        };
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }
}
