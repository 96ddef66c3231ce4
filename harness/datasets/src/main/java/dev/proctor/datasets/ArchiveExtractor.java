package dev.proctor.datasets;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts a zip without trusting it: an entry that would land outside the target (zip-slip: {@code ..},
 * absolute paths, drive letters) refuses the whole archive; so does an archive that inflates past a byte limit
 * or an entry count, counted while inflating rather than read from headers an attacker writes. Everything goes to
 * a temporary sibling folder first, renamed to the target only when the whole archive extracted.
 *
 * <p>Text is copied byte for byte: CRLF line ends and a UTF-8 BOM stay as the archive has them, and the loaders
 * accept both.
 */
public final class ArchiveExtractor {
    /** Generous for benchmarks (C-Eval expands to about 10 MB, M3KE to 6 MB), small enough to stop a zip bomb. */
    public static final long DEFAULT_MAX_BYTES = 2L << 30;
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private final long maxBytes;
    private final int maxEntries;

    public ArchiveExtractor(long maxBytes, int maxEntries) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    public static ArchiveExtractor standard() {
        return new ArchiveExtractor(DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES);
    }

    /**
     * @param target must not exist; holds the archive's tree when this returns
     * @return the number of bytes extracted
     */
    public long extract(Path zip, Path target) {
        if (Files.exists(target)) {
            throw new ProctorException("cannot extract " + zip + " into " + target + ": it already exists");
        }
        Path tmp = null;
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
            long total = extractInto(zip, tmp);
            FileTrees.moveIntoPlace(tmp, target);
            tmp = null;
            return total;
        } catch (ZipException e) {
            throw new ProctorException(zip + " is not a readable zip archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ProctorException("cannot extract " + zip + " into " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    private long extractInto(Path zip, Path dir) throws IOException {
        long total = 0;
        int entries = 0;
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = archive.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (++entries > maxEntries) {
                    throw new ProctorException(zip + " has more than " + maxEntries + " entries: refusing it");
                }
                Path out = safeTarget(zip, dir, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = archive.getInputStream(entry);
                     OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
                    total = copyWithin(in, os, total, zip, entry.getName());
                } catch (FileAlreadyExistsException dup) {
                    throw new ProctorException(zip + " holds " + entry.getName() + " twice: refusing it");
                }
            }
        }
        return total;
    }

    private long copyWithin(InputStream in, OutputStream out, long total, Path zip, String name) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new ProctorException(zip + " expands past the limit of " + maxBytes + " bytes (at entry "
                        + name + "): refusing it as a possible zip bomb");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** The entry's place under {@code dir}, or a refusal naming the entry when it would escape. */
    static Path safeTarget(Path zip, Path dir, String name) {
        String path = name.replace('\\', '/');
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return LockPaths.resolve(dir, path);
        } catch (ProctorException e) {
            throw new ProctorException(zip + " has an entry \"" + name + "\" that escapes the target folder"
                    + " (zip-slip): refusing the archive");
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            FileTrees.deleteTree(tmp);
        } catch (IOException ignored) {
            // The refusal is what the user must see; a leftover hidden temp folder is harmless.
        }
    }
}
