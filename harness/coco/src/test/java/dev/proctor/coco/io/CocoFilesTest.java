package dev.proctor.coco.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.coco.Detection;
import dev.proctor.coco.GroundTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad COCO files are refused with the file, the JSON path and what was expected there. */
class CocoFilesTest {
    static final String IMAGES = "\"images\": [{\"id\": 1}, {\"id\": 2}]";
    static final String CATEGORIES = "\"categories\": [{\"id\": 1, \"name\": \"a\"}, {\"id\": 7}]";
    static final String BOX = "{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 10, 10],"
            + " \"area\": 100, \"iscrowd\": 0}";

    @TempDir
    Path dir;

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    Path gt(String annotations) throws IOException {
        return file("instances.json", "{" + IMAGES + ", " + CATEGORIES + ", \"annotations\": [" + annotations + "]}");
    }

    /** The reader fails, naming the file and every given part of the message. */
    static void refused(Runnable read, Path file, String... parts) {
        DataFormatException e = assertThrows(DataFormatException.class, read::run);
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    @Test
    void readsAValidPairAsLoadResDoes() throws IOException {
        Path gtFile = gt(BOX + ", {\"id\": 2, \"image_id\": 2, \"category_id\": 1, \"bbox\": [1.5, 2, 3, 4],"
                + " \"area\": 12.0, \"iscrowd\": 1}");
        GroundTruth gt = CocoFiles.readGroundTruth(gtFile);
        assertEquals(List.of(1L, 2L), gt.imageIds());
        assertEquals(2, gt.categories().size());
        assertEquals("", gt.categories().get(1).name());
        assertTrue(gt.annotations().get(1).crowd());
        // id, area and iscrowd in a results file are replaced: id = position + 1, area = w*h, never crowd
        Path dtFile = file("dt.json", "[{\"image_id\": 2, \"category_id\": 7, \"bbox\": [0, 0, 2, 3], \"score\": 1,"
                + " \"id\": 77, \"area\": 1e9, \"iscrowd\": 1}, {\"image_id\": 1.0, \"category_id\": 1, \"bbox\":"
                + " [0, 0, 1, 1], \"score\": 0.5}]");
        List<Detection> dts = CocoFiles.readDetections(dtFile, gt, gtFile);
        assertEquals(1, dts.get(0).id());
        assertEquals(6.0, dts.get(0).area());
        assertEquals(2, dts.get(1).id());
        assertEquals(1, dts.get(1).imageId(), "an integral float id is the integer, as Python compares");
        assertEquals(List.of(), CocoFiles.readDetections(file("empty.json", "[]"), gt, gtFile));
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        Path f = file("instances.json", "{\"images\": [\n{\"id\": 1},\n{\"id\": 2,}\n]}");
        refused(() -> CocoFiles.readGroundTruth(f), f, "instances.json:3:", "not valid JSON", "COCO instances file");
        Path truncated = file("dt.json", "[{\"image_id\": 1, \"category_id\": 1,\n\"bbox\": [0, 0, 1, 1]");
        GroundTruth gt = CocoFiles.readGroundTruth(gt(BOX));
        refused(() -> CocoFiles.readDetections(truncated, gt, truncated), truncated, "dt.json:2:", "not valid JSON");
        // Python's json writes and reads NaN; it is read, and refused by the field's check
        Path nan = file("nan.json", "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1], \"score\": NaN}]");
        refused(() -> CocoFiles.readDetections(nan, gt, nan), nan, "$[0].score: expected a finite number, found NaN");
        Path empty = file("nothing.json", "");
        refused(() -> CocoFiles.readGroundTruth(empty), empty, "empty");
    }

    @Test
    void theGroundTruthMustBeAnInstancesFileWithItsThreeArrays() throws IOException {
        Path array = file("instances.json", "[]");
        refused(() -> CocoFiles.readGroundTruth(array), array, "$: expected a COCO instances file", "found an array");
        Path noAnnotations = file("gt2.json", "{" + IMAGES + ", " + CATEGORIES + "}");
        refused(() -> CocoFiles.readGroundTruth(noAnnotations), noAnnotations, "$: missing field 'annotations'");
        Path imagesNotArray = file("gt3.json", "{\"images\": {}, " + CATEGORIES + ", \"annotations\": []}");
        refused(() -> CocoFiles.readGroundTruth(imagesNotArray), imagesNotArray, "$.images: expected an array");
    }

    @Test
    void missingAndMistypedFieldsNameTheirPath() throws IOException {
        Path noBox = gt(BOX + ", {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"area\": 1, \"iscrowd\": 0}");
        refused(() -> CocoFiles.readGroundTruth(noBox), noBox, "$.annotations[1]: missing field 'bbox'",
                "[x, y, width, height]");
        Path noCrowd = gt("{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1], \"area\": 1}");
        refused(() -> CocoFiles.readGroundTruth(noCrowd), noCrowd, "$.annotations[0]: missing field 'iscrowd'");
        Path crowd2 = gt(BOX.replace("\"iscrowd\": 0", "\"iscrowd\": 2"));
        refused(() -> CocoFiles.readGroundTruth(crowd2), crowd2, "$.annotations[0].iscrowd: expected 0 or 1, found 2");
        Path noArea = gt(BOX.replace("\"area\": 100", "\"area\": \"big\""));
        refused(() -> CocoFiles.readGroundTruth(noArea), noArea, "$.annotations[0].area: expected a finite number",
                "the string \"big\"");
        Path fractionalId = gt(BOX.replace("\"image_id\": 1", "\"image_id\": 1.5"));
        refused(() -> CocoFiles.readGroundTruth(fractionalId), fractionalId,
                "$.annotations[0].image_id: expected an integer, found 1.5");
        Path notObject = gt(BOX + ", 3");
        refused(() -> CocoFiles.readGroundTruth(notObject), notObject, "$.annotations[1]: expected an annotation"
                + " object, found 3");
    }

    @Test
    void boxesMustBeFourFiniteNumbersWithNonNegativeSides() throws IOException {
        for (String bad : List.of("[0, 0, 10]", "[0, 0, -1, 10]", "[0, 0, 10, \"10\"]", "null", "[0, 0, 1e999, 1]")) {
            Path f = gt(BOX.replace("[0, 0, 10, 10]", bad));
            refused(() -> CocoFiles.readGroundTruth(f), f, "$.annotations[0].bbox: expected [x, y, width, height]:"
                    + " 4 finite numbers, width and height >= 0, found");
        }
        Path gtFile = gt(BOX);
        GroundTruth gt = CocoFiles.readGroundTruth(gtFile);
        Path dt = file("dt.json", "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1], \"score\": 1},"
                + " {\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, -2], \"score\": 1}]");
        refused(() -> CocoFiles.readDetections(dt, gt, gtFile), dt, "$[1].bbox: expected", "found [0,0,5,-2]");
    }

    @Test
    void duplicateIdsAndIdZeroAreRefused() throws IOException {
        Path twice = gt(BOX + ", " + BOX.replace("\"image_id\": 1", "\"image_id\": 2"));
        refused(() -> CocoFiles.readGroundTruth(twice), twice, "$.annotations[1].id: annotation id 1 is used again"
                + " (first at $.annotations[0])");
        Path images = file("gt.json", "{\"images\": [{\"id\": 1}, {\"id\": 1}], " + CATEGORIES
                + ", \"annotations\": []}");
        refused(() -> CocoFiles.readGroundTruth(images), images, "$.images[1].id: id 1 is used again");
        Path cats = file("gt2.json", "{" + IMAGES + ", \"categories\": [{\"id\": 3}, {\"id\": 3}],"
                + " \"annotations\": []}");
        refused(() -> CocoFiles.readGroundTruth(cats), cats, "$.categories[1].id: id 3 is used again");
        Path zero = gt(BOX.replace("\"id\": 1,", "\"id\": 0,"));
        refused(() -> CocoFiles.readGroundTruth(zero), zero, "$.annotations[0].id: annotation id 0", "from 1");
    }

    @Test
    void referencesOutsideTheGroundTruthAreRefused() throws IOException {
        Path image = gt(BOX.replace("\"image_id\": 1", "\"image_id\": 9"));
        refused(() -> CocoFiles.readGroundTruth(image), image, "$.annotations[0].image_id: image 9 is not among"
                + " $.images");
        Path category = gt(BOX.replace("\"category_id\": 1", "\"category_id\": 5"));
        refused(() -> CocoFiles.readGroundTruth(category), category, "$.annotations[0].category_id: category 5",
                "(known: 1, 7)");
        Path gtFile = gt(BOX);
        GroundTruth gt = CocoFiles.readGroundTruth(gtFile);
        Path dtImages = file("dt.json", "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1], \"score\": 1},"
                + " {\"image_id\": 42, \"category_id\": 1, \"bbox\": [0, 0, 1, 1], \"score\": 1},"
                + " {\"image_id\": 43, \"category_id\": 1, \"bbox\": [0, 0, 1, 1], \"score\": 1}]");
        refused(() -> CocoFiles.readDetections(dtImages, gt, gtFile), dtImages, "$[1].image_id: image 42 is not an"
                + " image of the ground truth " + gtFile, "2 detection(s) in all", "Results do not correspond");
        Path dtCategory = file("dt2.json", "[{\"image_id\": 1, \"category_id\": 3, \"bbox\": [0, 0, 1, 1],"
                + " \"score\": 1}]");
        refused(() -> CocoFiles.readDetections(dtCategory, gt, gtFile), dtCategory, "$[0].category_id: category 3"
                + " is not a category of the ground truth", "(known: 1, 7)");
    }

    @Test
    void detectionsMustBeAResultsArrayOfScoredBoxes() throws IOException {
        Path gtFile = gt(BOX);
        GroundTruth gt = CocoFiles.readGroundTruth(gtFile);
        refused(() -> CocoFiles.readDetections(gtFile, gt, gtFile), gtFile, "$: expected a COCO results file",
                "an object with fields [images, categories, annotations]");
        Path noScore = file("dt.json", "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1]}]");
        refused(() -> CocoFiles.readDetections(noScore, gt, gtFile), noScore, "$[0]: missing field 'score'");
        Path textScore = file("dt2.json", "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1],"
                + " \"score\": \"0.5\"}]");
        refused(() -> CocoFiles.readDetections(textScore, gt, gtFile), textScore, "$[0].score: expected a finite"
                + " number, found the string \"0.5\"");
        Path notObject = file("dt3.json", "[[0, 0, 1, 1]]");
        refused(() -> CocoFiles.readDetections(notObject, gt, gtFile), notObject, "$[0]: expected a detection object");
    }
}
