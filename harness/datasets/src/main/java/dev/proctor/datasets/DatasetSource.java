package dev.proctor.datasets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.proctor.api.ProctorException;
import java.net.URI;
import java.util.Locale;

/**
 * Where a dataset's files come from. Three shapes:
 * <ul>
 *   <li>{@code git}: a repository at a commit; {@code fileUrlTemplate} gives each file's address,
 *       {@code {path}} replaced by the percent-encoded lock path;</li>
 *   <li>{@code url}: files at {@code fileUrlTemplate}, no repository;</li>
 *   <li>{@code archive}: one zip at {@code archiveUrl}, itself pinned by {@code archiveSha256} and
 *       {@code archiveBytes}; the lock's files are paths inside it;</li>
 *   <li>{@code local}: locked from a folder with no public address; such data is verified, never fetched.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "repository", "commit", "fileUrlTemplate", "archiveUrl", "archiveSha256", "archiveBytes"})
public record DatasetSource(String type, String repository, String commit, String fileUrlTemplate,
        String archiveUrl, String archiveSha256, Long archiveBytes) {
    public static final String GIT = "git";
    public static final String URL = "url";
    public static final String ARCHIVE = "archive";
    public static final String LOCAL = "local";
    /** What {@code fileUrlTemplate} replaces with a file's percent-encoded path. */
    public static final String PATH_PLACEHOLDER = "{path}";

    public DatasetSource {
        if (type == null) {
            throw new ProctorException("a dataset source has no \"type\" (git, url, archive or local)");
        }
        switch (type) {
            case GIT -> {
                require(type, "repository", repository);
                require(type, "commit", commit);
                requireTemplate(fileUrlTemplate);
            }
            case URL -> requireTemplate(fileUrlTemplate);
            case ARCHIVE -> {
                require(type, "archiveUrl", archiveUrl);
                archiveSha256 = LockedFile.checkSha256("archive " + archiveUrl, archiveSha256);
                if (archiveBytes == null || archiveBytes < 0) {
                    throw new ProctorException("archive " + archiveUrl + " needs its size in \"archiveBytes\"");
                }
            }
            case LOCAL -> { }
            default -> throw new ProctorException("unknown dataset source type \"" + type + "\": expected git, url,"
                    + " archive or local");
        }
    }

    public static DatasetSource git(String repository, String commit, String fileUrlTemplate) {
        return new DatasetSource(GIT, repository, commit, fileUrlTemplate, null, null, null);
    }

    public static DatasetSource url(String fileUrlTemplate) {
        return new DatasetSource(URL, null, null, fileUrlTemplate, null, null, null);
    }

    public static DatasetSource archive(String archiveUrl, String sha256, long bytes) {
        return new DatasetSource(ARCHIVE, null, null, null, archiveUrl, sha256, bytes);
    }

    public static DatasetSource local() {
        return new DatasetSource(LOCAL, null, null, null, null, null, null);
    }

    @JsonIgnore
    public boolean isArchive() {
        return ARCHIVE.equals(type);
    }

    /** The address of one locked file; only {@code git} and {@code url} sources have one per file. */
    public URI fileUrl(String path) {
        if (fileUrlTemplate == null) {
            throw new ProctorException("this dataset's source (" + type + ") has no per-file address");
        }
        return uri(fileUrlTemplate.replace(PATH_PLACEHOLDER, LockPaths.encode(LockPaths.check(path))));
    }

    /** {@link URI#create}, with a user's malformed address reported as such. */
    static URI uri(String address) {
        try {
            return URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new ProctorException("not a valid address: " + address + " (" + e.getMessage() + ")");
        }
    }

    /** One line for listings: {@code https://github.com/x/y @ d6e7b71...}, the archive or the template. */
    public String describe() {
        return switch (type) {
            case GIT -> repository + " @ " + commit;
            case ARCHIVE -> archiveUrl;
            case URL -> fileUrlTemplate;
            default -> "local folder";
        };
    }

    private static void require(String type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ProctorException("a " + type + " source needs \"" + field + "\"");
        }
    }

    private static void requireTemplate(String template) {
        if (template == null || !template.contains(PATH_PLACEHOLDER)) {
            throw new ProctorException("\"fileUrlTemplate\" must contain " + PATH_PLACEHOLDER + ", got " + template);
        }
        String scheme = uri(template.replace(PATH_PLACEHOLDER, "x")).getScheme();
        if (scheme == null || !scheme.toLowerCase(Locale.ROOT).startsWith("http")) {
            throw new ProctorException("\"fileUrlTemplate\" must be an http(s) address, got " + template);
        }
    }
}
