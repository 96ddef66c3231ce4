package dev.proctor.datasets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.proctor.api.ProctorException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One pinned file of a dataset.
 *
 * @param path   relative to the dataset's root (the source repository or archive), '/'-separated
 * @param sha256 lower-case hex; required: a file without a hash cannot be locked
 * @param bytes  exact size, checked before hashing so a truncated download fails fast
 */
@JsonPropertyOrder({"path", "sha256", "bytes"})
public record LockedFile(String path, String sha256, long bytes) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public LockedFile {
        LockPaths.check(path);
        sha256 = checkSha256("file " + path, sha256);
        if (bytes < 0) {
            throw new ProctorException("file " + path + " has a negative size " + bytes);
        }
    }

    /** @return {@code sha256} in lower case; an error naming {@code what} when it is absent or not 64 hex digits */
    static String checkSha256(String what, String sha256) {
        if (sha256 == null || sha256.isBlank()) {
            throw new ProctorException(what + " has no sha256: a file without a hash cannot be locked");
        }
        String lower = sha256.toLowerCase(Locale.ROOT);
        if (!HEX64.matcher(lower).matches()) {
            throw new ProctorException(what + " has sha256 \"" + sha256 + "\": expected 64 hex digits");
        }
        return lower;
    }

    /** Jackson's way in: a missing size must be an error, not a silent 0. */
    @JsonCreator
    static LockedFile fromJson(@JsonProperty("path") String path, @JsonProperty("sha256") String sha256,
            @JsonProperty("bytes") Long bytes) {
        if (bytes == null) {
            throw new ProctorException("file " + path + " has no \"bytes\": every locked file needs its size");
        }
        return new LockedFile(path, sha256, bytes);
    }
}
