package dev.proctor.datasets;

import dev.proctor.api.ProctorException;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Computes the files of a lock entry from a source, hashing every byte itself: from a local folder, a zip
 * archive's address, or per-file addresses (a {@code {path}} template or a base address with the paths given,
 * or the address of a text file listing them).
 */
public final class Locker {
    private final Downloader downloader;
    private final ArchiveExtractor extractor;

    public Locker(Downloader downloader, ArchiveExtractor extractor) {
        this.downloader = downloader;
        this.extractor = extractor;
    }

    public static Locker standard() {
        return new Locker(Downloader.standard(), ArchiveExtractor.standard());
    }

    /** A source and the files it was seen to hold. */
    public record Locked(DatasetSource source, List<LockedFile> files) {
    }

    /**
     * Every regular file under {@code dir} matching {@code includeGlobs} (all when empty), by path relative to
     * {@code dir}. Hidden files and folders ({@code .git}) and symbolic links are left out: a lock pins content,
     * not a working copy's bookkeeping.
     */
    public static List<LockedFile> fromDirectory(Path dir, List<String> includeGlobs) {
        if (!Files.isDirectory(dir)) {
            throw new ProctorException(dir + " is not a directory");
        }
        Predicate<String> wanted = LockPaths.globs(includeGlobs);
        List<LockedFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String path = LockPaths.relative(dir, file);
                if (!hidden(path) && wanted.test(path)) {
                    files.add(new LockedFile(path, Sha256.of(file), Files.size(file)));
                }
            }
        } catch (IOException e) {
            throw new ProctorException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ProctorException("no files under " + dir + (includeGlobs.isEmpty() ? "" : " match " + includeGlobs));
        }
        return files;
    }

    /**
     * @param url   a {@code .zip} archive; or a template with {@code {path}}, or a base address, with {@code paths};
     *              or, with no {@code paths}, a text file listing them one a line ({@code #} comments), relative to
     *              the list's own folder
     * @param paths the files to fetch from a template or base address
     */
    public Locked fromUrl(String url, List<String> paths, List<String> includeGlobs) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("proctor-lock-");
            boolean template = url.contains(DatasetSource.PATH_PLACEHOLDER);
            if (!template && String.valueOf(DatasetSource.uri(url).getPath()).toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return fromArchive(url, includeGlobs, tmp);
            }
            String fileUrls;
            List<String> list = paths;
            if (template) {
                fileUrls = url;
            } else if (!paths.isEmpty()) {
                fileUrls = url + (url.endsWith("/") ? "" : "/") + DatasetSource.PATH_PLACEHOLDER;
            } else {
                list = readList(url, tmp.resolve("list.txt"));
                fileUrls = url.substring(0, url.lastIndexOf('/') + 1) + DatasetSource.PATH_PLACEHOLDER;
            }
            if (list.isEmpty()) {
                throw new ProctorException("no files to lock from " + url + ": give --file PATH for each file");
            }
            DatasetSource source = DatasetSource.url(fileUrls);
            Predicate<String> wanted = LockPaths.globs(includeGlobs);
            List<LockedFile> files = new ArrayList<>();
            int n = 0;
            for (String path : list.stream().map(LockPaths::check).filter(wanted).distinct().sorted().toList()) {
                Path part = tmp.resolve("file-" + n++);
                downloader.download(source.fileUrl(path), part, -1, path);
                files.add(new LockedFile(path, Sha256.of(part), Files.size(part)));
                Files.delete(part);
            }
            return new Locked(source, files);
        } catch (IOException e) {
            throw new ProctorException("cannot lock from " + url + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    FileTrees.deleteTree(tmp);
                } catch (IOException ignored) {
                    // a leftover temp folder must not hide the real outcome
                }
            }
        }
    }

    private Locked fromArchive(String url, List<String> includeGlobs, Path tmp) throws IOException {
        Path zip = tmp.resolve("archive.zip");
        downloader.download(DatasetSource.uri(url), zip, -1, "the archive");
        Path tree = tmp.resolve("tree");
        extractor.extract(zip, tree);
        DatasetSource source = DatasetSource.archive(url, Sha256.of(zip), Files.size(zip));
        return new Locked(source, fromDirectory(tree, includeGlobs));
    }

    private List<String> readList(String url, Path file) throws IOException {
        downloader.download(DatasetSource.uri(url), file, -1, "the file list");
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> line.replace("\uFEFF", "").strip())
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static boolean hidden(String path) {
        for (String segment : path.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
