package dev.proctor.datafiles;

import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies class-path resources into a folder named after their content, atomically: the files are written to a
 * temporary sibling that is then renamed, so a reader never sees half a copy, and a process that loses the race
 * to another keeps the winner's identical copy. Used for the bundled datasets and for the encoders inside the
 * langchain4j jars, because DJL and the data readers open files, not streams.
 */
public final class ClasspathFiles {
    private ClasspathFiles() {
    }

    /**
     * @param anchor   a class whose loader sees the resources
     * @param files    file name in the target folder to absolute resource path ({@code /x/y.onnx})
     * @param parent   where the folder goes
     * @param prefix   the folder's name before the content hash
     * @param whatFor  what the files are, for messages
     * @return {@code parent/prefix-<16 hex digits>}, the hash covering every name and byte
     */
    public static Path materialize(Class<?> anchor, Map<String, String> files, Path parent, String prefix,
                                   String whatFor) {
        Map<String, String> hashes = new LinkedHashMap<>();
        files.forEach((name, resource) -> hashes.put(name, hash(anchor, resource, whatFor)));
        return materialize(anchor, files, hashes, parent, prefix, whatFor);
    }

    /**
     * The same, for resources whose SHA-256 is known in advance (an index shipped with them): the folder is named
     * without reading them, and each file is checked against its hash while it is copied, so a damaged jar is an
     * error naming the resource, never a model that silently differs.
     *
     * @param sha256 file name in the target folder to its expected SHA-256
     */
    public static Path materialize(Class<?> anchor, Map<String, String> files, Map<String, String> sha256,
                                   Path parent, String prefix, String whatFor) {
        StringBuilder manifest = new StringBuilder();
        files.keySet().forEach(name -> manifest.append(sha256.get(name)).append("  ").append(name).append('\n'));
        Path target = parent.resolve(prefix + "-" + Sha256.of(manifest.toString()).substring(0, 16));
        if (Files.isDirectory(target)) {
            return target;
        }
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path out = temp.resolve(file.getKey());
                Files.createDirectories(out.getParent());
                MessageDigest digest = sha256();
                try (InputStream in = new DigestInputStream(open(anchor, file.getValue(), whatFor), digest)) {
                    Files.copy(in, out);
                }
                String got = HexFormat.of().formatHex(digest.digest());
                if (!got.equals(sha256.get(file.getKey()))) {
                    throw new ProctorException(whatFor + ": the resource " + file.getValue() + " has SHA-256 " + got
                            + ", expected " + sha256.get(file.getKey()) + "; the jar that ships it is damaged or was"
                            + " built from mixed files");
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } catch (IOException e) {
            if (Files.isDirectory(target)) {
                return target; // another process renamed its identical copy first
            }
            throw new ProctorException("cannot copy " + whatFor + " to " + target + ": " + e
                    + "; set -D" + ProctorCache.PROPERTY + " or " + ProctorCache.ENV + " to a writable folder", e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
        return target;
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a stray temporary folder is harmless
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static String hash(Class<?> anchor, String resource, String whatFor) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(open(anchor, resource, whatFor), digest)) {
            in.transferTo(OutputStreamSink.INSTANCE);
        } catch (IOException e) {
            throw new ProctorException("cannot read the resource " + resource + " of " + whatFor + ": " + e, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static InputStream open(Class<?> anchor, String resource, String whatFor) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new ProctorException(whatFor + ": the resource " + resource + " is not on the class path; the jar"
                    + " that ships it is missing or incomplete");
        }
        return in;
    }

    /** Discards bytes: only the digest of the stream is wanted. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
