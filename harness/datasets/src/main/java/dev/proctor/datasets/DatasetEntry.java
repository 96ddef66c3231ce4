package dev.proctor.datasets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.proctor.api.ProctorException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One dataset in {@code datasets.lock}: what it is, where it comes from, and every file it consists of.
 *
 * @param id       the name used on the command line ({@code cmmlu}); also a cache folder name
 * @param version  a short label of the pinned state ({@code d6e7b71}); also a cache folder name
 * @param license  as the source states it, so users know what they may publish
 * @param citation how to cite the benchmark
 * @param files    sorted by path, no duplicates, never empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "version", "license", "citation", "source", "files"})
public record DatasetEntry(String id, String version, String license, String citation, DatasetSource source,
        List<LockedFile> files) {

    public DatasetEntry {
        LockPaths.checkName("dataset id", id);
        LockPaths.checkName("version of dataset " + id, version);
        if (source == null) {
            throw new ProctorException("dataset " + id + " has no \"source\"");
        }
        if (files == null || files.isEmpty()) {
            throw new ProctorException("dataset " + id + " locks no files");
        }
        files = files.stream().map(Objects::requireNonNull).sorted(Comparator.comparing(LockedFile::path)).toList();
        Set<String> seen = new HashSet<>();
        for (LockedFile f : files) {
            if (!seen.add(f.path())) {
                throw new ProctorException("dataset " + id + " locks " + f.path() + " twice");
            }
        }
    }

    /** Whether {@code id} may name a dataset: a letter or digit, then letters, digits, '.', '_', '+', '-'. */
    public static boolean isValidId(String id) {
        return LockPaths.isSafeName(id);
    }

    public Optional<LockedFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    @JsonIgnore
    public long totalBytes() {
        return files.stream().mapToLong(LockedFile::bytes).sum();
    }
}
