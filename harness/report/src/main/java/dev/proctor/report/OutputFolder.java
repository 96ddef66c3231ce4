package dev.proctor.report;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps commands from writing over each other's output: a command writes into a folder that is absent, empty, or
 * already its own (it holds the file that kind of output always leaves), never into one another command wrote.
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * @param dir    the folder about to be written
     * @param marker the file this kind of output always holds ({@code items.sqlite} for a run, {@code stats.json}
     *               for a statistics report)
     * @param what   the kind of output, for the message
     */
    public static void requireOwn(Path dir, String marker, String what) {
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir)) {
                throw new ProctorException(dir + " is a file, not a folder; " + what + " writes into a folder");
            }
            return;
        }
        List<String> present;
        try (Stream<Path> entries = Files.list(dir)) {
            present = entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new ProctorException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (!present.isEmpty() && !present.contains(marker)) {
            throw new ProctorException(dir + " already holds files that are not " + what + "'s ("
                    + String.join(", ", present.subList(0, Math.min(8, present.size())))
                    + (present.size() > 8 ? ", ..." : "") + "), so writing " + what + " there would overwrite or mix"
                    + " with them; choose an empty folder or a new --out");
        }
    }
}
