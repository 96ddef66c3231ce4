package dev.proctor.tasks.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.datafiles.ClasspathFiles;
import dev.proctor.datafiles.ProctorCache;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bundled evaluation set {@code shapes} (200 images of circles, squares and triangles on noise, made by
 * {@code tasks/detection/python/make_detector.py}), copied on first use to {@code <proctor cache>/detection/}.
 */
public final class BundledShapes {
    public static final String NAME = "shapes";
    static final String ROOT = "/dev/proctor/tasks/detection/" + NAME + "/";

    private BundledShapes() {
    }

    /** A folder holding {@code shapes/} (instances.json and images/), copied there first if needed. */
    public static Path root() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(NAME + "/" + CocoFolder.INSTANCES, ROOT + CocoFolder.INSTANCES);
        try (InputStream in = BundledShapes.class.getResourceAsStream(ROOT + CocoFolder.INSTANCES)) {
            if (in == null) {
                throw new ProctorException("the bundled detection set lacks " + ROOT + CocoFolder.INSTANCES
                        + " on the classpath: a broken build of proctor-task-detection");
            }
            for (JsonNode image : new ObjectMapper().readTree(in).get("images")) {
                String name = image.get("file_name").asText();
                files.put(NAME + "/images/" + name, ROOT + "images/" + name);
            }
        } catch (IOException e) {
            throw new ProctorException("cannot read the bundled detection set: " + e.getMessage(), e);
        }
        return ClasspathFiles.materialize(BundledShapes.class, files, ProctorCache.root().resolve("detection"),
                "bundled", "the bundled detection set");
    }
}
