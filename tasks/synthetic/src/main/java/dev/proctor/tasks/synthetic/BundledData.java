package dev.proctor.tasks.synthetic;

import dev.proctor.api.ProctorException;
import dev.proctor.api.task.Subject;
import dev.proctor.datafiles.ClasspathFiles;
import dev.proctor.datafiles.SubjectCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The suite's class-path resources, and their copy in a folder named after their content. */
final class BundledData {
    static final String SUBJECTS = "subjects.json";
    private static final String ROOT = "/dev/proctor/synthetic/";

    private BundledData() {
    }

    /** @return {@code parent/synthetic-<hash>}, where the hash covers every file's name and bytes */
    static Path extractTo(Path parent) {
        Map<String, String> files = new LinkedHashMap<>();
        names().forEach(name -> files.put(name, ROOT + name));
        return ClasspathFiles.materialize(BundledData.class, files, parent, "synthetic", "the bundled synthetic suite");
    }

    /** subjects.json, then each listed subject's dev and test file. */
    private static List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(SUBJECTS);
        for (Subject subject : SubjectCatalog.readResource(BundledData.class, ROOT + SUBJECTS)) {
            for (String split : new String[] {"dev", "test"}) {
                names.add(split + "/" + subject.name() + ".csv");
            }
        }
        return names;
    }

    /** subjects.json, then each listed subject's dev and test file, as packaged. */
    static Map<String, byte[]> resources() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        names().forEach(name -> files.put(name, resource(name)));
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
}
