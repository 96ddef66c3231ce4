package dev.proctor.embedded;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The models shipped as classpath resources under {@code dev/proctor/embedded/<name>/}.
 *
 * <p>A jar's directories cannot be listed, so {@code dev/proctor/embedded/index.tsv} (written by
 * {@code make_model.py}) names every model and its files with their sizes and SHA-256, in a stable order:
 * the default, the comparison runs, then the checkpoints in training order.
 */
public final class EmbeddedModels {

    /** The model used when the user names none. */
    public static final String DEFAULT = "tiny-gpt";

    private static final String ROOT = "dev/proctor/embedded/";
    private static final String INDEX = ROOT + "index.tsv";

    /** One file of a model, as the index records it. */
    public record ModelFile(String name, long size, String sha256) {
    }

    private static volatile Map<String, List<ModelFile>> index;

    private EmbeddedModels() {
    }

    /** Every embedded model's name, in the index's order. */
    public static List<String> names() {
        return List.copyOf(index().keySet());
    }

    /** The files of one model, as the index records them. */
    public static List<ModelFile> files(String name) {
        List<ModelFile> files = index().get(name);
        if (files == null) {
            throw new UnknownNameException("embedded model", name, names());
        }
        return files;
    }

    /**
     * The cache root: system property {@code proctor.cache}, else environment variable {@code PROCTOR_CACHE},
     * else {@code ${user.home}/.cache/proctor}. Models go under its {@code models/} directory.
     */
    public static Path cacheRoot() {
        String p = System.getProperty("proctor.cache");
        if (p == null || p.isBlank()) {
            p = System.getenv("PROCTOR_CACHE");
        }
        return p == null || p.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "proctor") : Path.of(p);
    }

    /** {@link #materialize(String, Path)} into {@link #cacheRoot()}. */
    public static Path materialize(String name) {
        return materialize(name, cacheRoot());
    }

    /**
     * Copies a model's resources to {@code <cacheRoot>/models/<name>-<hash>/} (a {@code /} in the name becomes
     * {@code _}; the hash is of the index entry, so a changed model gets a new directory) unless that directory
     * exists, and returns it. The copy is written to a temporary directory beside it and renamed into place, so a
     * reader never sees a partial model; each file's SHA-256 is checked against the index while it is copied.
     */
    public static Path materialize(String name, Path cacheRoot) {
        List<ModelFile> files = files(name);
        Path models = cacheRoot.resolve("models");
        Path target = models.resolve(name.replace('/', '_') + "-" + shortHash(files));
        if (Files.isDirectory(target)) {
            return target;
        }
        Path tmp = null;
        try {
            Files.createDirectories(models);
            tmp = Files.createTempDirectory(models, ".tmp-" + target.getFileName() + "-");
            for (ModelFile f : files) {
                copyChecked(ROOT + name + "/" + f.name(), tmp.resolve(f.name()), f);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            tmp = null;
            return target;
        } catch (FileAlreadyExistsException e) {
            return target; // another process finished the same copy first
        } catch (IOException e) {
            if (Files.isDirectory(target)) {
                return target; // lost a rename race: some platforms report it as a generic I/O error
            }
            throw new ProctorException("cannot copy embedded model '" + name + "' to " + target + ": " + e, e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    private static void copyChecked(String resource, Path dest, ModelFile f) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream raw = open(resource);
             DigestInputStream in = new DigestInputStream(raw, sha);
             OutputStream out = Files.newOutputStream(dest)) {
            in.transferTo(out);
        }
        String got = HexFormat.of().formatHex(sha.digest());
        if (!got.equals(f.sha256()) || Files.size(dest) != f.size()) {
            throw new ProctorException("embedded resource " + resource + " does not match its index entry (sha256 "
                    + got + ", expected " + f.sha256() + "); the jar is damaged or was built from mixed outputs of "
                    + "make_model.py");
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = EmbeddedModels.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new ProctorException("embedded resource " + resource + " is listed in " + INDEX
                    + " but missing from the classpath");
        }
        return in;
    }

    private static String shortHash(List<ModelFile> files) {
        MessageDigest sha = sha256();
        for (ModelFile f : files) {
            sha.update((f.name() + "\t" + f.size() + "\t" + f.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a leftover .tmp-* directory is harmless
        }
    }

    private static Map<String, List<ModelFile>> index() {
        Map<String, List<ModelFile>> idx = index;
        if (idx == null) {
            synchronized (EmbeddedModels.class) {
                if (index == null) {
                    index = readIndex();
                }
                idx = index;
            }
        }
        return idx;
    }

    /** Lines {@code model<TAB>file<TAB>size<TAB>sha256}; {@code #} starts a comment. */
    private static Map<String, List<ModelFile>> readIndex() {
        Map<String, List<ModelFile>> m = new LinkedHashMap<>();
        try (InputStream in = open(INDEX);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                if (c.length != 4) {
                    throw new ProctorException(INDEX + ":" + n + ": expected 4 tab-separated fields, found " + c.length);
                }
                m.computeIfAbsent(c[0], k -> new ArrayList<>()).add(new ModelFile(c[1], Long.parseLong(c[2]), c[3]));
            }
        } catch (IOException e) {
            throw new ProctorException("cannot read " + INDEX + ": " + e, e);
        }
        m.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(m);
    }
}
