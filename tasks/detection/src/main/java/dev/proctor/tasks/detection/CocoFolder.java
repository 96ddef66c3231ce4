package dev.proctor.tasks.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.DataFormatException;
import dev.proctor.coco.Annotation;
import dev.proctor.coco.GroundTruth;
import dev.proctor.coco.io.CocoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A COCO-layout evaluation folder: {@code instances.json} and the images it lists under {@code images/} (or beside
 * it). The ground truth is read as the detection scorer reads it (unknown images or categories refused with their
 * JSON path); besides, every listed image must exist, and every box must lie within its image.
 *
 * @param dir         the folder
 * @param instances   its instances.json
 * @param groundTruth the boxes and categories, as COCOeval takes them
 * @param images      the listed images, in file order
 */
public record CocoFolder(Path dir, Path instances, GroundTruth groundTruth, List<Image> images) {
    public static final String INSTANCES = "instances.json";

    /** One listed image: its COCO id, its file and its declared size. */
    public record Image(long id, String fileName, Path file, int width, int height) {
    }

    public static boolean isDataset(Path dir) {
        return Files.isRegularFile(dir.resolve(INSTANCES));
    }

    public static CocoFolder read(Path dir) {
        Path instances = dir.resolve(INSTANCES);
        GroundTruth gt = CocoFiles.readGroundTruth(instances);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(instances.toFile());
        } catch (IOException e) {
            throw new DataFormatException(instances, 0, "expected a COCO instances file: " + e.getMessage());
        }
        List<Image> images = new ArrayList<>();
        JsonNode listed = root.get("images");
        for (int i = 0; i < listed.size(); i++) {
            JsonNode n = listed.get(i);
            String at = "$.images[" + i + "]";
            String name = text(n, "file_name", instances, at);
            Path file = dir.resolve("images").resolve(name);
            if (!Files.isRegularFile(file)) {
                file = dir.resolve(name);
            }
            if (!Files.isRegularFile(file)) {
                throw new DataFormatException(instances, 0, at + ".file_name: the image " + name + " is missing (looked"
                        + " in " + dir.resolve("images") + " and " + dir + ")");
            }
            images.add(new Image(n.get("id").asLong(), name, file, size(n, "width", instances, at),
                    size(n, "height", instances, at)));
        }
        Map<Long, Image> byId = new HashMap<>();
        images.forEach(im -> byId.put(im.id(), im));
        for (int i = 0; i < gt.annotations().size(); i++) {
            Annotation a = gt.annotations().get(i);
            Image image = byId.get(a.imageId());
            var b = a.box();
            if (b.x() < 0 || b.y() < 0 || b.x() + b.width() > image.width() || b.y() + b.height() > image.height()) {
                throw new DataFormatException(instances, 0, "$.annotations[" + i + "] (id " + a.id() + "): the box ["
                        + b.x() + ", " + b.y() + ", " + b.width() + ", " + b.height() + "] lies outside its image "
                        + image.fileName() + " (" + image.width() + "x" + image.height() + ")");
            }
        }
        return new CocoFolder(dir, instances, gt, List.copyOf(images));
    }

    private static String text(JsonNode n, String field, Path file, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new DataFormatException(file, 0, at + "." + field + ": expected a string, found " + v);
        }
        return v.textValue();
    }

    private static int size(JsonNode n, String field, Path file, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || v.asInt() < 1) {
            throw new DataFormatException(file, 0, at + "." + field + ": expected a positive integer, found " + v);
        }
        return v.asInt();
    }
}
