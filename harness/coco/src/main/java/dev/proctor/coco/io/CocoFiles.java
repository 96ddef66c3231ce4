package dev.proctor.coco.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.coco.Annotation;
import dev.proctor.coco.Category;
import dev.proctor.coco.Detection;
import dev.proctor.coco.GroundTruth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * COCO instances files (ground truth) and COCO results files (detections, as {@code loadRes} reads them for
 * bounding boxes). Where pycocotools would fail, or silently score something else than the file says, these
 * readers refuse with the file, the JSON path and what was expected: a detection of an image outside the ground
 * truth (loadRes asserts), a detection or box of an unknown category or a box of an unknown image (pycocotools
 * drops them silently), duplicate ids (pycocotools' index keeps the last, so one box is scored twice), annotation
 * id 0 (COCOeval reads a match with ground-truth id 0 as no match), a missing area or iscrowd (KeyError), and boxes
 * that are not 4 finite numbers with width, height >= 0. Fields they do not use (segmentation, info, ...) are skipped.
 */
public final class CocoFiles {
    private static final String INSTANCES = "a COCO instances file: {\"images\": [...], \"annotations\": [...],"
            + " \"categories\": [...]}";
    private static final String RESULTS = "a COCO results file: [{\"image_id\", \"category_id\", \"bbox\","
            + " \"score\"}, ...]";
    private static final String IMAGE = "{\"id\"} objects";
    private static final String CATEGORY = "{\"id\", \"name\"} objects";
    private static final String ANNOTATION = "{\"id\", \"image_id\", \"category_id\", \"bbox\", \"area\","
            + " \"iscrowd\"} objects";

    private CocoFiles() {
    }

    /** Reads a COCO instances file; every category listed is evaluated, with or without boxes. */
    public static GroundTruth readGroundTruth(Path file) {
        JsonInput in = new JsonInput(file);
        Instances parsed = in.parse(INSTANCES, parser -> {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw in.error("$", "expected " + INSTANCES + ", found " + JsonInput.current(parser));
            }
            Instances instances = new Instances();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "images" -> instances.images = ids(in, parser, "$.images", IMAGE, null);
                    case "categories" -> {
                        instances.categories = new ArrayList<>();
                        instances.categoryIds = ids(in, parser, "$.categories", CATEGORY, instances.categories);
                    }
                    case "annotations" -> instances.annotations = annotations(in, parser);
                    default -> parser.skipChildren();
                }
            }
            return instances;
        });
        if (parsed.images == null || parsed.categories == null || parsed.annotations == null) {
            String missing = parsed.images == null ? "images" : parsed.categories == null ? "categories" : "annotations";
            throw in.error("$", "missing field '" + missing + "' (expected " + INSTANCES + ")");
        }
        for (int i = 0; i < parsed.annotations.size(); i++) {
            Annotation a = parsed.annotations.get(i);
            if (!parsed.images.containsKey(a.imageId())) {
                throw in.error("$.annotations[" + i + "].image_id", "image " + a.imageId() + " is not among $.images"
                        + " (pycocotools would leave this box out silently)");
            }
            if (!parsed.categoryIds.containsKey(a.categoryId())) {
                throw in.error("$.annotations[" + i + "].category_id", "category " + a.categoryId() + " is not among"
                        + " $.categories " + known(parsed.categoryIds.keySet()) + " (pycocotools would leave this box"
                        + " out silently)");
            }
        }
        return new GroundTruth(List.copyOf(parsed.images.keySet()), parsed.categories, parsed.annotations);
    }

    /**
     * Reads a COCO results file as loadRes does for boxes: the id of entry i is i + 1, its area w·h, iscrowd 0
     * (any of them in the file is replaced). An empty list is scored as no detections, where loadRes fails.
     *
     * @param gtFile the ground truth's file, named in messages
     */
    public static List<Detection> readDetections(Path file, GroundTruth gt, Path gtFile) {
        JsonInput in = new JsonInput(file);
        Set<Long> categories = gt.categories().stream().map(Category::id).collect(Collectors.toSet());
        Stray strayImages = new Stray();
        Stray strayCategories = new Stray();
        List<Detection> detections = in.parse(RESULTS, parser -> {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw in.error("$", "expected " + RESULTS + " (pycocotools' loadRes asserts 'results in not an"
                        + " array of objects'), found " + (parser.currentToken() == JsonToken.START_OBJECT
                        ? "an object with fields " + fields(parser) : JsonInput.current(parser)));
            }
            List<Detection> list = new ArrayList<>();
            in.elements(parser, "$", "detection objects", (i, node) -> {
                String path = "$[" + i + "]";
                JsonNode d = in.object(node, path, "a detection object {\"image_id\", \"category_id\", \"bbox\","
                        + " \"score\"}");
                long image = in.integer(d, "image_id", path);
                long category = in.integer(d, "category_id", path);
                list.add(new Detection(i + 1, image, category, in.box(d, path), in.finite(d, "score", path)));
                strayImages.check(!gt.hasImage(image), path + ".image_id", image);
                strayCategories.check(!categories.contains(category), path + ".category_id", category);
            });
            return list;
        });
        if (strayImages.count > 0) {
            throw in.error(strayImages.firstPath, "image " + strayImages.firstId + " is not an image of the ground"
                    + " truth " + gtFile + " (" + strayImages.count + " detection(s) in all name images outside it;"
                    + " pycocotools' loadRes asserts 'Results do not correspond to current coco set')");
        }
        if (strayCategories.count > 0) {
            throw in.error(strayCategories.firstPath, "category " + strayCategories.firstId + " is not a category"
                    + " of the ground truth " + gtFile + " " + known(categories) + " (" + strayCategories.count
                    + " detection(s) in all; pycocotools would leave them out silently)");
        }
        return detections;
    }

    /** The ids of an array of objects, each with its path; duplicates refused. Categories are collected too. */
    private static Map<Long, String> ids(JsonInput in, JsonParser parser, String arrayPath, String expected,
                                         List<Category> categories) throws IOException {
        Map<Long, String> paths = new LinkedHashMap<>();
        in.elements(parser, arrayPath, expected, (i, node) -> {
            String path = arrayPath + "[" + i + "]";
            long id = in.integer(in.object(node, path, "an object with an integer \"id\""), "id", path);
            String first = paths.putIfAbsent(id, path);
            if (first != null) {
                throw in.error(path + ".id", "id " + id + " is used again (first at " + first + ")");
            }
            if (categories != null) {
                JsonNode name = node.get("name");
                categories.add(new Category(id, name != null && name.isTextual() ? name.asText() : ""));
            }
        });
        return paths;
    }

    /** The boxes, each checked on its own; their images and categories are checked once all is read. */
    private static List<Annotation> annotations(JsonInput in, JsonParser parser) throws IOException {
        List<Annotation> annotations = new ArrayList<>();
        Map<Long, String> paths = new HashMap<>();
        in.elements(parser, "$.annotations", ANNOTATION, (i, node) -> {
            String path = "$.annotations[" + i + "]";
            JsonNode a = in.object(node, path, "an annotation object");
            long id = in.integer(a, "id", path);
            if (id == 0) {
                throw in.error(path + ".id", "annotation id 0: COCOeval records a match by the ground-truth id and"
                        + " reads 0 as 'no match', so a detection matched to this box would count as a false"
                        + " positive; number the annotations from 1");
            }
            String first = paths.putIfAbsent(id, path);
            if (first != null) {
                throw in.error(path + ".id", "annotation id " + id + " is used again (first at " + first
                        + "); pycocotools indexes annotations by id and would score one of them twice");
            }
            annotations.add(new Annotation(id, in.integer(a, "image_id", path), in.integer(a, "category_id", path),
                    in.box(a, path), area(in, a, path), crowd(in, a, path)));
        });
        return annotations;
    }

    /** The area ranges test this field (cocoeval.py evaluateImg), not the box. */
    private static double area(JsonInput in, JsonNode a, String path) {
        double area = in.finite(a, "area", path);
        if (area < 0) {
            throw in.error(path + ".area", "expected an area >= 0, found " + area);
        }
        return area;
    }

    /** cocoeval.py _prepare: {@code ignore = iscrowd}; computeIoU reads {@code int(iscrowd)}. */
    private static boolean crowd(JsonInput in, JsonNode a, String path) {
        JsonNode node = a.get("iscrowd");
        if (node == null) {
            throw in.error(path, "missing field 'iscrowd' (expected 0 or 1; COCOeval reads it for every box)");
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber() && (node.doubleValue() == 0 || node.doubleValue() == 1)) {
            return node.doubleValue() == 1;
        }
        throw in.error(path + ".iscrowd", "expected 0 or 1, found " + JsonInput.shown(node));
    }

    private static String known(Set<Long> ids) {
        List<Long> sorted = ids.stream().sorted().toList();
        String shown = sorted.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "));
        return "(known: " + shown + (sorted.size() > 20 ? ", ... " + sorted.size() + " in all" : "") + ")";
    }

    /** The field names of the object the parser is at, which is skipped. */
    private static Set<String> fields(JsonParser parser) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            names.add(parser.currentName());
            parser.nextToken();
            parser.skipChildren();
        }
        return names;
    }

    /** What an instances file holds, as read so far. */
    private static final class Instances {
        Map<Long, String> images;
        Map<Long, String> categoryIds;
        List<Category> categories;
        List<Annotation> annotations;
    }

    /** The first entry naming an id outside the ground truth, and how many do. */
    private static final class Stray {
        String firstPath;
        long firstId;
        int count;

        void check(boolean stray, String path, long id) {
            if (stray && count++ == 0) {
                firstPath = path;
                firstId = id;
            }
        }
    }
}
