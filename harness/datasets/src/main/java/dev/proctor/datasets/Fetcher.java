package dev.proctor.datasets;

import dev.proctor.api.ProctorException;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fills the {@link DatasetCache} with a locked dataset. Each file is downloaded into {@code <name>.part}
 * (resumed when one is there), checked for size and SHA-256, and only then renamed to its name, so a file under
 * its final name has always verified. A file already there and verified is not downloaded again.
 */
public final class Fetcher {
    private final DatasetCache cache;
    private final Downloader downloader;
    private final ArchiveExtractor extractor;
    private final Consumer<String> log;

    public Fetcher(DatasetCache cache, Downloader downloader, ArchiveExtractor extractor, Consumer<String> log) {
        this.cache = cache;
        this.downloader = downloader;
        this.extractor = extractor;
        this.log = log;
    }

    public static Fetcher standard(DatasetCache cache, Consumer<String> log) {
        return new Fetcher(cache, Downloader.standard(), ArchiveExtractor.standard(), log);
    }

    /**
     * @param dir        the dataset's folder in the cache, a valid data directory
     * @param downloaded files fetched by this call
     * @param present    files that were already there, verified
     * @param bytes      bytes of the files fetched by this call
     */
    public record Report(String datasetId, String version, Path dir, int downloaded, int present, long bytes) {
    }

    /**
     * Holds a file lock on the dataset's cache folder meanwhile, so two Proctor processes fetching the same dataset
     * do not write into the same {@code .part}.
     *
     * @throws ChecksumMismatchException naming file, expected and actual hash, when a download is not the pinned file
     */
    public Report fetch(DatasetEntry entry) {
        Path idDir = cache.dir(entry).getParent();
        try {
            Files.createDirectories(idDir);
            try (FileChannel channel = FileChannel.open(idDir.resolve(".fetch-lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = channel.lock()) {
                return fetchLocked(entry);
            }
        } catch (IOException e) {
            throw new ProctorException("cannot write into the cache " + cache.dir(entry) + ": " + e.getMessage(), e);
        }
    }

    private Report fetchLocked(DatasetEntry entry) throws IOException {
        List<LockedFile> todo = cache.notVerified(entry);
        int present = entry.files().size() - todo.size();
        if (!todo.isEmpty()) {
            if (entry.source().isArchive()) {
                fetchFromArchive(entry, todo);
            } else if (entry.source().fileUrlTemplate() != null) {
                for (LockedFile file : todo) {
                    fetchFile(entry, file);
                }
            } else {
                throw new ProctorException("dataset " + entry.id() + " was locked from a local folder and has no"
                        + " download address; point Proctor at a copy instead (proctor run --data-dir DIR, proctor"
                        + " retrieve --dataset DIR)");
            }
        }
        long bytes = todo.stream().mapToLong(LockedFile::bytes).sum();
        return new Report(entry.id(), entry.version(), cache.dir(entry), todo.size(), present, bytes);
    }

    private void fetchFile(DatasetEntry entry, LockedFile file) throws IOException {
        Path target = cache.file(entry, file.path());
        Path part = DatasetCache.partOf(target);
        Files.createDirectories(target.getParent());
        downloader.download(entry.source().fileUrl(file.path()), part, file.bytes(),
                file.path() + " of dataset " + entry.id());
        verifyOrDiscard(entry.id(), file.path(), part, file.sha256(), file.bytes());
        FileTrees.moveIntoPlace(part, target);
        log.accept("fetched " + file.path() + " (" + file.bytes() + " bytes)");
    }

    /**
     * Downloads the pinned archive next to the dataset's folder, extracts it into a temporary folder with
     * {@link ArchiveExtractor}'s limits, then checks each needed file and renames it into place.
     */
    private void fetchFromArchive(DatasetEntry entry, List<LockedFile> todo) throws IOException {
        DatasetSource source = entry.source();
        Path idDir = cache.dir(entry).getParent();
        Path part = idDir.resolve(entry.version() + ".zip" + DatasetCache.PART_SUFFIX);
        Path extracted = idDir.resolve("." + entry.version() + ".extracted");
        Files.createDirectories(idDir);
        downloader.download(DatasetSource.uri(source.archiveUrl()), part, source.archiveBytes(),
                "the archive of dataset " + entry.id());
        verifyOrDiscard(entry.id(), source.archiveUrl(), part, source.archiveSha256(), source.archiveBytes());
        FileTrees.deleteTree(extracted);
        try {
            extractor.extract(part, extracted);
            for (LockedFile file : todo) {
                Path from = LockPaths.resolve(extracted, file.path());
                if (!Files.isRegularFile(from)) {
                    throw new ProctorException("the archive of dataset " + entry.id() + " (" + source.archiveUrl()
                            + ") has no " + file.path() + ", which " + DatasetLock.FILE_NAME + " pins");
                }
                verifyOrDiscard(entry.id(), file.path() + " (in " + source.archiveUrl() + ")", from, file.sha256(),
                        file.bytes());
                Path target = cache.file(entry, file.path());
                Files.createDirectories(target.getParent());
                FileTrees.moveIntoPlace(from, target);
            }
            log.accept("extracted " + todo.size() + " files from " + source.archiveUrl());
        } finally {
            FileTrees.deleteTree(extracted);
        }
        Files.deleteIfExists(part);
    }

    /** Deletes {@code candidate} unless it has exactly the pinned size and hash; nothing else is touched. */
    private static void verifyOrDiscard(String datasetId, String name, Path candidate, String sha256, long bytes)
            throws IOException {
        long size = Files.size(candidate);
        String actual = Sha256.of(candidate);
        if (size != bytes || !actual.equals(sha256)) {
            Files.deleteIfExists(candidate);
            String sizes = size == bytes ? "" : "got " + size + " bytes where " + bytes + " are pinned; ";
            throw new ChecksumMismatchException(datasetId, name, sha256, actual,
                    sizes + "the download was discarded and nothing was put in place");
        }
    }
}
