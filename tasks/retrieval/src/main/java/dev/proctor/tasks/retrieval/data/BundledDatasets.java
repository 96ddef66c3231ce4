package dev.proctor.tasks.retrieval.data;

import dev.proctor.api.ProctorException;
import dev.proctor.api.UnknownNameException;
import dev.proctor.datafiles.ClasspathFiles;
import dev.proctor.datafiles.ProctorCache;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small retrieval suite Proctor ships (written by hand for Proctor; see the resources' README.md): one
 * English and one Chinese dataset in BEIR layout with graded qrels, copied on first use to
 * {@code <proctor cache>/retrieval/bundled/<name>-<hash>/}.
 */
public final class BundledDatasets {
    static final String ROOT = "/dev/proctor/tasks/retrieval/bundled/";
    private static final List<String> NAMES = List.of("everyday-en", "everyday-zh");
    private static final List<String> FILES = List.of(DatasetMetadata.FILE, BeirReader.CORPUS, BeirReader.QUERIES,
            "qrels/test.tsv");

    private BundledDatasets() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** The dataset's {@code dataset.json}, read from the classpath (nothing is extracted). */
    public static DatasetMetadata metadata(String name) {
        String resource = ROOT + checked(name) + "/" + DatasetMetadata.FILE;
        try (java.io.InputStream in = BundledDatasets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProctorException("the bundled retrieval dataset " + name + " lacks " + resource
                        + " on the classpath: a broken build of proctor-task-retrieval");
            }
            return DatasetMetadata.of(DatasetMetadata.MAPPER.readTree(in), Path.of(resource), name);
        } catch (java.io.IOException e) {
            throw new ProctorException("cannot read " + resource + " from the classpath: " + e.getMessage(), e);
        }
    }

    /**
     * Every bundled dataset under one folder in the cache ({@code <cache>/retrieval/bundled-<hash>/everyday-en/...}),
     * copied there first if needed: the retrieval task's bundled data directory.
     */
    public static Path root() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : NAMES) {
            FILES.forEach(f -> files.put(name + "/" + f, ROOT + name + "/" + f));
        }
        return ClasspathFiles.materialize(BundledDatasets.class, files, ProctorCache.root().resolve("retrieval"),
                "bundled", "the bundled retrieval datasets");
    }

    /** The dataset's folder in the cache, copied there first if needed. */
    public static Path extract(String name) {
        return extract(name, ProctorCache.root().resolve("retrieval").resolve("bundled"));
    }

    public static Path extract(String name, Path parent) {
        checked(name);
        Map<String, String> files = new LinkedHashMap<>();
        FILES.forEach(f -> files.put(f, ROOT + name + "/" + f));
        return ClasspathFiles.materialize(BundledDatasets.class, files, parent, name,
                "the bundled retrieval dataset " + name);
    }

    private static String checked(String name) {
        if (!NAMES.contains(name)) {
            throw new UnknownNameException("bundled retrieval dataset", name, NAMES);
        }
        return name;
    }
}
