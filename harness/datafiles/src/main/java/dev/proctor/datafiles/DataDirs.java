package dev.proctor.datafiles;

import dev.proctor.api.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the folder that holds a benchmark's split folders. Users may point at a benchmark repository's root
 * (which contains {@code data/dev}, {@code data/test}) or at its {@code data/} folder; both work.
 */
public final class DataDirs {
    private DataDirs() {
    }

    /**
     * @return {@code dataDir/data} when it holds a {@code dev/} or {@code test/} folder, else {@code dataDir}
     *         when it holds one itself
     * @throws DataFormatException naming {@code dataDir} when neither does
     */
    public static Path splitRoot(Path dataDir, String task) {
        Path nested = dataDir.resolve("data");
        if (hasSplits(nested)) {
            return nested;
        }
        if (hasSplits(dataDir)) {
            return dataDir;
        }
        throw new DataFormatException(dataDir, 0, "expected a " + task + " data directory holding dev/ and test/"
                + " (or data/dev/ and data/test/), found neither");
    }

    private static boolean hasSplits(Path dir) {
        return Files.isDirectory(dir.resolve("test")) || Files.isDirectory(dir.resolve("dev"));
    }
}
