package dev.proctor.datasets;

import dev.proctor.api.ProctorException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Paths as the lock spells them: relative, '/'-separated, no {@code .} or {@code ..} segments. Every path that
 * reaches the file system goes through {@link #resolve}, so a hostile lock or archive cannot point outside the
 * folder it is resolved against.
 */
final class LockPaths {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    private LockPaths() {
    }

    /** @return {@code path} when it is a safe relative lock path; otherwise a ProctorException saying why not */
    static String check(String path) {
        if (path == null || path.isEmpty()) {
            throw new ProctorException("a locked file has no path");
        }
        String problem = null;
        if (path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            problem = "it must be relative, with '/' separators";
        } else {
            for (String segment : path.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    problem = "it has an empty, '.' or '..' segment";
                    break;
                }
            }
        }
        if (problem != null) {
            throw new ProctorException("unsafe path \"" + path + "\": " + problem);
        }
        return path;
    }

    /** Dataset ids and versions become folder names in the cache, so they are kept to a safe alphabet. */
    static boolean isSafeName(String name) {
        return name != null && SAFE_NAME.matcher(name).matches();
    }

    static String checkName(String what, String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new ProctorException(what + " \"" + name + "\" must start with a letter or digit and use only"
                    + " letters, digits, '.', '_', '+' and '-'");
        }
        return name;
    }

    /** {@code root/path}, refusing anything that would land outside {@code root}. */
    static Path resolve(Path root, String path) {
        Path resolved = root.resolve(check(path)).normalize();
        if (!resolved.startsWith(root.normalize())) {
            throw new ProctorException("unsafe path \"" + path + "\": it leaves " + root);
        }
        return resolved;
    }

    /** {@code file} relative to {@code root}, '/'-separated. */
    static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder out = new StringBuilder();
        for (Path segment : rel) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment);
        }
        return out.toString();
    }

    /** Percent-encodes a path for a URL, segment by segment (spaces, '&amp;', '#' and non-ASCII included). */
    static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Matches lock paths against globs ({@code data/test/*.csv}, {@code **}{@code /*.jsonl}); no globs match all. */
    static Predicate<String> globs(List<String> globs) {
        if (globs.isEmpty()) {
            return path -> true;
        }
        List<PathMatcher> matchers = globs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        return path -> matchers.stream().anyMatch(m -> m.matches(Path.of(path)));
    }
}
