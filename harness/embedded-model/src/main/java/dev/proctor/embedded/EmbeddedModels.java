package dev.proctor.embedded;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.datafiles.ClasspathFiles;
import dev.proctor.datafiles.ProctorCache;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Proctor's cache folder ({@link ProctorCache#root()}); models go under its {@code models/} directory. */
    public static Path cacheRoot() {
        return ProctorCache.root();
    }

    /** {@link #materialize(String, Path)} into {@link #cacheRoot()}. */
    public static Path materialize(String name) {
        return materialize(name, cacheRoot());
    }

    /**
     * Copies a model's resources to {@code <cacheRoot>/models/<name>-<hash>/} (a {@code /} in the name becomes
     * {@code _}; the hash is of the index entry, so a changed model gets a new directory) unless that directory
     * exists, and returns it ({@link ClasspathFiles}: written beside it and renamed into place, so a reader never
     * sees a partial model; each file's SHA-256 checked against the index while it is copied).
     */
    public static Path materialize(String name, Path cacheRoot) {
        Map<String, String> resources = new LinkedHashMap<>();
        Map<String, String> sha256 = new LinkedHashMap<>();
        for (ModelFile f : files(name)) {
            resources.put(f.name(), "/" + ROOT + name + "/" + f.name());
            sha256.put(f.name(), f.sha256());
        }
        return ClasspathFiles.materialize(EmbeddedModels.class, resources, sha256, cacheRoot.resolve("models"),
                name.replace('/', '_'), "embedded model '" + name + "'");
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = EmbeddedModels.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new ProctorException("embedded resource " + resource + " is listed in " + INDEX
                    + " but missing from the classpath");
        }
        return in;
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
