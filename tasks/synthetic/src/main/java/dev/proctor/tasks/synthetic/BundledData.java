package dev.proctor.tasks.synthetic;

import dev.proctor.api.ProctorException;
import dev.proctor.api.task.Subject;
import dev.proctor.datafiles.ProctorCache;
import dev.proctor.datafiles.Sha256;
import dev.proctor.datafiles.SubjectCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies the suite's class-path resources to a folder named after their content, atomically: the files are
 * written to a temporary sibling folder that is then renamed, so a reader never sees half a copy, and a
 * process that loses the race to another keeps the winner's copy.
 */
final class BundledData {
    static final String SUBJECTS = "subjects.json";
    private static final String ROOT = "/dev/proctor/synthetic/";

    private BundledData() {
    }

    /** @return {@code parent/synthetic-<hash>}, where the hash covers every file's name and bytes */
    static Path extractTo(Path parent) {
        Map<String, byte[]> files = resources();
        StringBuilder manifest = new StringBuilder();
        files.forEach((name, bytes) -> manifest.append(Sha256.of(bytes)).append("  ").append(name).append('\n'));
        Path target = parent.resolve("synthetic-" + Sha256.of(manifest.toString()).substring(0, 16));
        if (Files.isDirectory(target)) {
            return target;
        }
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path out = temp.resolve(file.getKey());
                Files.createDirectories(out.getParent());
                Files.write(out, file.getValue());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } catch (IOException e) {
            if (Files.isDirectory(target)) {
                // another thread or process renamed its copy first (Linux reports "Directory not empty" as a
                // plain FileSystemException); the content is the same, so keep theirs
                return target;
            }
            throw new ProctorException("cannot extract the bundled synthetic suite to " + target + ": " + e
                    + "; set -D" + ProctorCache.PROPERTY + " or " + ProctorCache.ENV + " to a writable folder", e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
        return target;
    }

    /** subjects.json, then each listed subject's dev and test file, as packaged. */
    static Map<String, byte[]> resources() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(SUBJECTS, resource(SUBJECTS));
        for (Subject subject : SubjectCatalog.readResource(BundledData.class, ROOT + SUBJECTS)) {
            for (String split : new String[] {"dev", "test"}) {
                String name = split + "/" + subject.name() + ".csv";
                files.put(name, resource(name));
            }
        }
        return files;
    }

    private static byte[] resource(String name) {
        try (InputStream in = BundledData.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new ProctorException("the bundled synthetic suite lacks " + ROOT + name
                        + " on the class path; the proctor-task-synthetic jar is incomplete");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ProctorException("cannot read the bundled resource " + ROOT + name + ": " + e, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a stray temporary folder is harmless
        }
    }
}
