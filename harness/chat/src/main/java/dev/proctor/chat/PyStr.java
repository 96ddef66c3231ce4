package dev.proctor.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;

/**
 * Python's {@code str} methods as chat templates call them ({@code content.strip()}, {@code role.title()},
 * {@code text.split('</think>')[-1]}), with Python's semantics: indices count code points, "whitespace" is
 * {@code str.isspace}, {@code split()} without a separator splits on runs of it. A method Python's str lacks, or one
 * called with arguments Python would refuse, is an error, as it is in Jinja2.
 */
final class PyStr {
    /** A method: how many positional arguments it takes, which of them may be passed by keyword, and its body. */
    private record Method(int min, int max, List<String> keywords, BiFunction<String, Object[], Object> body) {
        static Method of(int min, int max, BiFunction<String, Object[], Object> body) {
            return new Method(min, max, List.of(), body);
        }
    }

    private static final Map<String, Method> METHODS = Map.ofEntries(
            Map.entry("startswith", Method.of(1, 3, (s, a) -> affix(s, a, true))),
            Map.entry("endswith", Method.of(1, 3, (s, a) -> affix(s, a, false))),
            Map.entry("strip", Method.of(0, 1, (s, a) -> strip(s, chars(a), true, true))),
            Map.entry("lstrip", Method.of(0, 1, (s, a) -> strip(s, chars(a), true, false))),
            Map.entry("rstrip", Method.of(0, 1, (s, a) -> strip(s, chars(a), false, true))),
            Map.entry("lower", Method.of(0, 0, (s, a) -> s.toLowerCase(Locale.ROOT))),
            Map.entry("upper", Method.of(0, 0, (s, a) -> s.toUpperCase(Locale.ROOT))),
            Map.entry("title", Method.of(0, 0, (s, a) -> title(s))),
            Map.entry("capitalize", Method.of(0, 0, (s, a) -> capitalize(s))),
            Map.entry("split", new Method(0, 2, List.of("sep", "maxsplit"), (s, a) -> split(s, a, false))),
            Map.entry("rsplit", new Method(0, 2, List.of("sep", "maxsplit"), (s, a) -> split(s, a, true))),
            Map.entry("splitlines", new Method(0, 1, List.of("keepends"), (s, a) -> splitlines(s, a))),
            Map.entry("replace", Method.of(2, 3, PyStr::replace)),
            Map.entry("count", Method.of(1, 3, PyStr::count)),
            Map.entry("find", Method.of(1, 3, (s, a) -> find(s, a, false, false))),
            Map.entry("rfind", Method.of(1, 3, (s, a) -> find(s, a, true, false))),
            Map.entry("index", Method.of(1, 3, (s, a) -> find(s, a, false, true))),
            Map.entry("rindex", Method.of(1, 3, (s, a) -> find(s, a, true, true))),
            Map.entry("join", Method.of(1, 1, PyStr::join)),
            Map.entry("partition", Method.of(1, 1, (s, a) -> partition(s, str(a[0], "sep"), false))),
            Map.entry("rpartition", Method.of(1, 1, (s, a) -> partition(s, str(a[0], "sep"), true))),
            Map.entry("removeprefix", Method.of(1, 1,
                    (s, a) -> s.startsWith(str(a[0], "prefix")) ? s.substring(str(a[0], "prefix").length()) : s)),
            Map.entry("removesuffix", Method.of(1, 1, (s, a) -> removeSuffix(s, str(a[0], "suffix")))),
            Map.entry("isspace", Method.of(0, 0, (s, a) -> all(s, PyStr::isSpace))),
            Map.entry("isalpha", Method.of(0, 0, (s, a) -> all(s, Character::isLetter))),
            Map.entry("isdecimal", Method.of(0, 0, (s, a) -> all(s, PyStr::isDecimal))),
            Map.entry("isdigit", Method.of(0, 0, (s, a) -> all(s, PyStr::isDigit))),
            Map.entry("islower", Method.of(0, 0, (s, a) -> cased(s, true))),
            Map.entry("isupper", Method.of(0, 0, (s, a) -> cased(s, false))));

    private PyStr() {
    }

    /**
     * {@code self.method(*args)}; a {@code NamedParameter} among the arguments is a keyword one.
     *
     * @throws PyError what Python would raise (AttributeError, TypeError, ValueError)
     */
    static Object call(String self, String method, Object[] args) {
        Method m = METHODS.get(method);
        if (m == null) {
            throw new PyError("'str object' has no attribute '" + method + "'");
        }
        return m.body().apply(self, PyArgs.positional("str." + method, args, m.min(), m.max(), m.keywords()));
    }

    /** Python's {@code str.isspace} for one code point: Java's whitespace and space characters, and NEL. */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    /** {@code str.strip(chars)}: {@code chars} null strips whitespace. */
    static String strip(String s, String chars, boolean left, boolean right) {
        int[] cps = s.codePoints().toArray();
        int from = 0;
        int to = cps.length;
        while (left && from < to && stripped(cps[from], chars)) {
            from++;
        }
        while (right && to > from && stripped(cps[to - 1], chars)) {
            to--;
        }
        return new String(cps, from, to - from);
    }

    /** {@code str.title()}: a cased character after an uncased one is title-cased, every other one lower-cased. */
    static String title(String s) {
        int[] cps = s.codePoints().toArray();
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < cps.length; i++) {
            out.append(previousCased ? lower(cps, i) : titleCase(cps[i]));
            previousCased = isCased(cps[i]);
        }
        return out.toString();
    }

    /** {@code str.capitalize()} (Python 3.8+): the first character title-cased, the rest lower-cased. */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return titleCase(first) + s.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
    }

    /**
     * One character's full title case: its title-case letter where it has one (ǆ to ǅ), else its upper case with all
     * but the first letter lowered (ß to Ss, as Python's special casing has it).
     */
    private static String titleCase(int cp) {
        int simple = Character.toTitleCase(cp);
        if (simple != cp || Character.isTitleCase(cp)) {
            return Character.toString(simple);
        }
        String upper = Character.toString(cp).toUpperCase(Locale.ROOT);
        int first = upper.codePointAt(0);
        return Character.toString(first) + upper.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
    }

    private static Object affix(String s, Object[] a, boolean prefix) {
        Slice range = Slice.of(s, a.length > 1 ? a[1] : null, a.length > 2 ? a[2] : null);
        if (range == null) {
            return false;
        }
        String within = range.of(s);
        List<?> candidates = a[0] instanceof List<?> list ? list : Collections.singletonList(a[0]);
        for (Object c : candidates) {
            String affix = str(c, prefix ? "startswith first arg" : "endswith first arg");
            if (prefix ? within.startsWith(affix) : within.endsWith(affix)) {
                return true;
            }
        }
        return false;
    }

    private static String chars(Object[] a) {
        return a.length == 0 || a[0] == null ? null : str(a[0], "strip arg");
    }

    private static boolean stripped(int cp, String chars) {
        return chars == null ? isSpace(cp) : chars.indexOf(cp) >= 0;
    }

    /** The character at {@code i} lower-cased in its context: a capital sigma ending a word becomes final sigma. */
    private static String lower(int[] cps, int i) {
        if (cps[i] == 'Σ') {
            return finalSigma(cps, i) ? "ς" : "σ";
        }
        return Character.toString(cps[i]).toLowerCase(Locale.ROOT);
    }

    /** Unicode's Final_Sigma: a cased letter before (case-ignorable ones skipped), none after. */
    private static boolean finalSigma(int[] cps, int i) {
        int before = i - 1;
        while (before >= 0 && caseIgnorable(cps[before])) {
            before--;
        }
        if (before < 0 || !isCased(cps[before])) {
            return false;
        }
        int after = i + 1;
        while (after < cps.length && caseIgnorable(cps[after])) {
            after++;
        }
        return after == cps.length || !isCased(cps[after]);
    }

    /** Unicode's Case_Ignorable, near enough: marks, format characters, modifiers, apostrophes and word dots. */
    private static boolean caseIgnorable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                    Character.MODIFIER_SYMBOL -> true;
            default -> cp == '\'' || cp == '.' || cp == ':' || cp == 0x00B7 || cp == 0x2019 || cp == 0x2018;
        };
    }

    private static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    private static List<Object> split(String s, Object[] a, boolean fromRight) {
        String sep = a.length > 0 && a[0] != null ? str(a[0], "sep") : null;
        long max = a.length > 1 ? PyArgs.integer(a[1], "maxsplit") : -1;
        if (sep != null && sep.isEmpty()) {
            throw new PyError("empty separator");
        }
        List<String> parts = sep == null ? splitSpace(fromRight ? reverse(s) : s, max)
                : splitOn(fromRight ? reverse(s) : s, fromRight ? reverse(sep) : sep, max);
        if (fromRight) {
            List<String> back = new ArrayList<>(parts.size());
            for (int i = parts.size() - 1; i >= 0; i--) {
                back.add(reverse(parts.get(i)));
            }
            return PyArgs.list(back);
        }
        return PyArgs.list(parts);
    }

    /** Splits on runs of whitespace; past {@code max} splits the rest is one part, its trailing whitespace kept. */
    private static List<String> splitSpace(String s, long max) {
        int[] cps = s.codePoints().toArray();
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < cps.length && isSpace(cps[i])) {
                i++;
            }
            if (i == cps.length) {
                return parts;
            }
            if (max >= 0 && parts.size() == max) {
                parts.add(new String(cps, i, cps.length - i));
                return parts;
            }
            int start = i;
            while (i < cps.length && !isSpace(cps[i])) {
                i++;
            }
            parts.add(new String(cps, start, i - start));
        }
    }

    private static List<String> splitOn(String s, String sep, long max) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = s.indexOf(sep); at >= 0 && (max < 0 || parts.size() < max); at = s.indexOf(sep, from)) {
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** Reversed by code point, so a surrogate pair stays a pair; splitting from the right is splitting this. */
    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** Python's line boundaries: \n, \r, \r\n, \v, \f, \x1c-\x1e, NEL, LS, PS. */
    private static List<Object> splitlines(String s, Object[] a) {
        boolean keepEnds = a.length > 0 && PyArgs.truthy(a[0]);
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end = i + 1;
            if (c == '\r' && end < s.length() && s.charAt(end) == '\n') {
                end++;
            } else if (!(c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) || c == 0x85
                    || c == 0x2028 || c == 0x2029)) {
                i++;
                continue;
            }
            lines.add(s.substring(start, keepEnds ? end : i));
            start = end;
            i = end;
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return PyArgs.list(lines);
    }

    private static String replace(String s, Object[] a) {
        String old = str(a[0], "replace arg 1");
        String replacement = str(a[1], "replace arg 2");
        long max = a.length > 2 ? PyArgs.integer(a[2], "count") : -1;
        StringBuilder out = new StringBuilder();
        if (old.isEmpty()) { // Python inserts the replacement before every character and at the end
            int[] cps = s.codePoints().toArray();
            int n = 0;
            for (int cp : cps) {
                if (max < 0 || n++ < max) {
                    out.append(replacement);
                }
                out.appendCodePoint(cp);
            }
            return max < 0 || n < max ? out.append(replacement).toString() : out.toString();
        }
        int from = 0;
        int n = 0;
        for (int at = s.indexOf(old); at >= 0 && (max < 0 || n < max); at = s.indexOf(old, from), n++) {
            out.append(s, from, at).append(replacement);
            from = at + old.length();
        }
        return out.append(s.substring(from)).toString();
    }

    private static long count(String s, Object[] a) {
        Slice range = Slice.of(s, a.length > 1 ? a[1] : null, a.length > 2 ? a[2] : null);
        if (range == null) {
            return 0;
        }
        String within = range.of(s);
        String sub = str(a[0], "count arg");
        if (sub.isEmpty()) {
            return within.codePointCount(0, within.length()) + 1L;
        }
        long n = 0;
        for (int at = within.indexOf(sub); at >= 0; at = within.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    private static long find(String s, Object[] a, boolean last, boolean raise) {
        Slice range = Slice.of(s, a.length > 1 ? a[1] : null, a.length > 2 ? a[2] : null);
        String sub = str(a[0], "find arg");
        int at = -1;
        if (range != null) {
            String within = range.of(s);
            at = last ? within.lastIndexOf(sub) : within.indexOf(sub);
            if (at >= 0) {
                at = range.start() + within.codePointCount(0, at);
            }
        }
        if (at < 0 && raise) {
            throw new PyError("substring not found");
        }
        return at;
    }

    private static String join(String s, Object[] a) {
        List<String> items = new ArrayList<>();
        for (Object item : PyArgs.iterate(a[0])) {
            if (!(item instanceof CharSequence)) {
                throw new PyError("sequence item " + items.size() + ": expected str instance, "
                        + PyRepr.typeName(item) + " found");
            }
            items.add(item.toString());
        }
        return String.join(s, items);
    }

    private static List<Object> partition(String s, String sep, boolean last) {
        if (sep.isEmpty()) {
            throw new PyError("empty separator");
        }
        int at = last ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (at < 0) {
            return PyArgs.tuple(last ? List.of("", "", s) : List.of(s, "", ""));
        }
        return PyArgs.tuple(List.of(s.substring(0, at), sep, s.substring(at + sep.length())));
    }

    private static String removeSuffix(String s, String suffix) {
        return !suffix.isEmpty() && s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    private static boolean all(String s, IntPredicate p) {
        return !s.isEmpty() && s.codePoints().allMatch(p);
    }

    private static boolean isDecimal(int cp) {
        return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /** Python's Numeric_Type Digit or Decimal, approximated: decimal digits and other numbers worth 0 to 9. */
    private static boolean isDigit(int cp) {
        int v = Character.getNumericValue(cp);
        return isDecimal(cp) || Character.getType(cp) == Character.OTHER_NUMBER && v >= 0 && v <= 9;
    }

    /** {@code islower}/{@code isupper}: at least one cased character, and every cased one of that case. */
    private static boolean cased(String s, boolean lower) {
        boolean any = false;
        for (int cp : s.codePoints().toArray()) {
            if (lower ? Character.isUpperCase(cp) || Character.isTitleCase(cp)
                    : Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            any |= isCased(cp);
        }
        return any;
    }

    private static String str(Object o, String what) {
        if (o instanceof CharSequence c) {
            return c.toString();
        }
        throw new PyError(what + " must be str, not " + PyRepr.typeName(o));
    }

    /** A {@code [start:end]} range of a string in code points, clamped as Python clamps it; null past the end. */
    private record Slice(int start, int end) {
        static Slice of(String s, Object start, Object end) {
            int n = s.codePointCount(0, s.length());
            int from = clamp(start == null ? 0 : PyArgs.integer(start, "slice index"), n);
            int to = clamp(end == null ? n : PyArgs.integer(end, "slice index"), n);
            return from > n ? null : new Slice(from, Math.max(from, to));
        }

        private static int clamp(long i, int n) {
            return (int) (i < 0 ? Math.max(0, i + n) : Math.min(i, n + 1L));
        }

        String of(String s) {
            int n = s.codePointCount(0, s.length());
            int to = Math.min(end, n);
            int from = Math.min(start, to);
            return s.substring(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to));
        }
    }
}
