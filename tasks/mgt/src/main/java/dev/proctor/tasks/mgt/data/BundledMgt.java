package dev.proctor.tasks.mgt.data;

import dev.proctor.datafiles.ClasspathFiles;
import dev.proctor.datafiles.ProctorCache;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MGT suite Proctor ships (made by {@code tasks/mgt/python/make_suite.py}; see the resources' README.md):
 * {@code bundled-en} (subtasks A monolingual, B and C) and {@code bundled-zh} (subtask A multilingual), copied on
 * first use to {@code <proctor cache>/mgt/bundled-<hash>/}.
 */
public final class BundledMgt {
    static final String ROOT = "/dev/proctor/tasks/mgt/bundled/";
    private static final Map<String, List<String>> FILES = files();

    private BundledMgt() {
    }

    private static Map<String, List<String>> files() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        List<String> en = new java.util.ArrayList<>();
        List<String> zh = new java.util.ArrayList<>();
        for (String split : List.of("train", "dev", "test")) {
            en.add(Subtask.A.fileName(split, "monolingual"));
            en.add(Subtask.B.fileName(split, ""));
            en.add(Subtask.C.fileName(split, ""));
            zh.add(Subtask.A.fileName(split, "multilingual"));
        }
        m.put("bundled-en", List.copyOf(en));
        m.put("bundled-zh", List.copyOf(zh));
        return m;
    }

    public static List<String> names() {
        return List.copyOf(FILES.keySet());
    }

    /** Every bundled dataset under one folder in the cache, copied there first if needed. */
    public static Path root() {
        Map<String, String> files = new LinkedHashMap<>();
        // resources en/ and zh/ become the datasets bundled-en and bundled-zh
        FILES.forEach((name, list) -> list.forEach(f -> files.put(name + "/" + f,
                ROOT + name.substring(name.indexOf('-') + 1) + "/" + f)));
        return ClasspathFiles.materialize(BundledMgt.class, files, ProctorCache.root().resolve("mgt"), "bundled",
                "the bundled MGT suite");
    }
}
