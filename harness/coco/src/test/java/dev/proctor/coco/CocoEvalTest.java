package dev.proctor.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * COCOeval's rules one at a time, on cases small enough to work out by hand. With npig ground-truth boxes, a
 * detection list scored TP..., precision is tp / (tp + fp + 2^-52): one TP alone gives 1/(1 + 2^-52) =
 * 0.9999999999999998, one TP after one FP gives 1/(2 + 2^-52) = 0.5 (2 + 2^-52 rounds to 2).
 */
class CocoEvalTest {
    static final double ONE_TP = 1 / (1 + Math.ulp(1.0));

    /** A ground truth and detections built in code; ids count from 1 in insertion order, as loadRes numbers. */
    static final class Case {
        final List<Long> images = new ArrayList<>();
        final List<Category> categories = new ArrayList<>();
        final List<Annotation> gts = new ArrayList<>();
        final List<Detection> dts = new ArrayList<>();

        Case(long... imageIds) {
            for (long id : imageIds) {
                images.add(id);
            }
            categories.add(new Category(1, "thing"));
        }

        Case category(long id) {
            categories.add(new Category(id, "c" + id));
            return this;
        }

        Case gt(long image, long category, Box box, double area, boolean crowd) {
            gts.add(new Annotation(gts.size() + 1, image, category, box, area, crowd));
            return this;
        }

        Case gt(long image, Box box) {
            return gt(image, 1, box, box.area(), false);
        }

        Case dt(long image, long category, Box box, double score) {
            dts.add(new Detection(dts.size() + 1, image, category, box, score));
            return this;
        }

        Case dt(long image, Box box, double score) {
            return dt(image, 1, box, score);
        }

        CocoEvaluation evaluate() {
            return CocoEval.evaluate(new GroundTruth(images, categories, gts), dts);
        }
    }

    static Box box(double x, double y, double w, double h) {
        return new Box(x, y, w, h);
    }

    @Test
    void aCrowdBoxAbsorbsAnyNumberOfDetectionsAndIsNeverRequired() {
        Case c = new Case(1).gt(1, box(0, 0, 10, 10)).gt(1, 1, box(50, 50, 100, 100), 10000, true)
                .dt(1, box(200, 200, 10, 10), .95).dt(1, box(0, 0, 10, 10), .9)
                .dt(1, box(60, 60, 10, 10), .8).dt(1, box(70, 70, 10, 10), .7);
        CocoEvaluation e = c.evaluate();
        // FP, TP, then two detections matched to the crowd box: ignored, neither TP nor FP
        assertEquals(0.5, e.stat(Stat.AP), 1e-15);
        assertEquals(1.0, e.stat(Stat.AR100), 0, "the crowd box is not a box to find");
        assertEquals(1, e.perClass().get(0).numGtNonCrowd());

        Case regular = new Case(1).gt(1, box(0, 0, 10, 10)).gt(1, 1, box(50, 50, 100, 100), 10000, false)
                .dt(1, box(200, 200, 10, 10), .95).dt(1, box(0, 0, 10, 10), .9)
                .dt(1, box(60, 60, 10, 10), .8).dt(1, box(70, 70, 10, 10), .7);
        assertEquals(0.5, regular.evaluate().stat(Stat.AR100), 0, "not crowd: the big box is missed");
    }

    @Test
    void areaRangesTestTheAnnotationsAreaFieldWithBothEndsInclusive() {
        // a 10x10 box whose area field says 5000: medium, not small
        CocoEvaluation e = new Case(1).gt(1, 1, box(0, 0, 10, 10), 5000, false).dt(1, box(0, 0, 10, 10), .9)
                .evaluate();
        assertTrue(Double.isNaN(e.stat(Stat.AP_SMALL)), "no small box; the matched detection is ignored there");
        assertEquals(ONE_TP, e.stat(Stat.AP_MEDIUM), 0);
        assertTrue(Double.isNaN(e.stat(Stat.AR_LARGE)));

        CocoEvaluation edge = new Case(1).gt(1, box(0, 0, 32, 32)).dt(1, box(0, 0, 32, 32), .9).evaluate();
        assertEquals(ONE_TP, edge.stat(Stat.AP_SMALL), 0, "area 1024 = 32² is small ...");
        assertEquals(ONE_TP, edge.stat(Stat.AP_MEDIUM), 0, "... and medium");
    }

    @Test
    void anUnmatchedDetectionOutsideTheAreaRangeIsIgnored() {
        // a small box found, and a higher-scored 50x50 false positive (area 2500, medium)
        CocoEvaluation e = new Case(1).gt(1, box(0, 0, 10, 10)).dt(1, box(0, 0, 10, 10), .8)
                .dt(1, box(300, 300, 50, 50), .9).evaluate();
        assertEquals(ONE_TP, e.stat(Stat.AP_SMALL), 0, "in the small range the medium FP does not count");
        assertEquals(0.5, e.stat(Stat.AP), 0, "in all it comes first and halves the precision");
    }

    @Test
    void maxDetsKeepTheTopHundredPerImageAndCategoryWithTiesInFileOrder() {
        Case c = new Case(1).category(2).gt(1, box(0, 0, 10, 10)).gt(1, 2, box(0, 0, 10, 10), 100, false);
        for (int i = 0; i < 100; i++) {
            c.dt(1, box(20 + 11 * i, 500, 10, 10), .9);
        }
        c.dt(1, box(0, 0, 10, 10), .9); // the 101st at the same score: cut by the stable sort
        c.dt(1, 2, box(0, 0, 10, 10), .5); // another category's detections count apart
        CocoEvaluation e = c.evaluate();
        assertEquals(0.0, e.perClass().get(0).ar100(), 0);
        assertEquals(0.0, e.perClass().get(0).ap(), 0);
        assertEquals(ONE_TP, e.perClass().get(1).ap(), 0);

        CocoEvaluation ranks = new Case(1).gt(1, box(0, 0, 10, 10)).dt(1, box(50, 50, 10, 10), .9)
                .dt(1, box(0, 0, 10, 10), .8).evaluate();
        assertEquals(0.0, ranks.stat(Stat.AR1), 0, "the best-scored detection is a false positive");
        assertEquals(1.0, ranks.stat(Stat.AR10), 0);
    }

    @Test
    void scoreTiesKeepFileOrderWithinAnImageAndImageIdOrderAcrossImages() {
        Box gt = box(0, 0, 10, 10);
        Box miss = box(50, 50, 10, 10);
        assertEquals(ONE_TP, new Case(1).gt(1, gt).dt(1, gt, .5).dt(1, miss, .5).evaluate().stat(Stat.AP), 0);
        assertEquals(0.5, new Case(1).gt(1, gt).dt(1, miss, .5).dt(1, gt, .5).evaluate().stat(Stat.AP), 0);
        // across images accumulate joins the images in id order before its stable sort: file order is irrelevant
        assertEquals(ONE_TP, new Case(1, 2).gt(1, gt).dt(2, miss, .5).dt(1, gt, .5).evaluate().stat(Stat.AP), 0);
        assertEquals(0.5, new Case(1, 2).gt(2, gt).dt(2, gt, .5).dt(1, miss, .5).evaluate().stat(Stat.AP), 0);
        // -0.0 and 0.0 are equal scores for numpy: a tie, kept in file order
        assertEquals(0.5, new Case(1).gt(1, gt).dt(1, miss, 0.0).dt(1, gt, -0.0).evaluate().stat(Stat.AP), 0);
    }

    @Test
    void anIouTieGoesToTheLaterGroundTruthBox() {
        // d1 overlaps both boxes by 90/110; the '<' test lets the second take it, so d2 finds the first at IoU 1.
        // Were ties kept by the first box, d2 would get the second at IoU 80/120 and miss at .75.
        CocoEvaluation e = new Case(1).gt(1, box(0, 0, 10, 10)).gt(1, box(2, 0, 10, 10))
                .dt(1, box(1, 0, 10, 10), .9).dt(1, box(0, 0, 10, 10), .8).evaluate();
        assertEquals(1.0, e.stat(Stat.AP75), 0);
    }

    @Test
    void aCategoryWithoutGroundTruthHasNoNumbersAndIsLeftOutOfTheMeans() {
        CocoEvaluation e = new Case(1).category(7).gt(1, box(0, 0, 10, 10)).dt(1, 7, box(0, 0, 10, 10), .99)
                .dt(1, box(0, 0, 10, 10), .5).evaluate();
        assertEquals(ONE_TP, e.stat(Stat.AP), 0, "category 7's detection changes nothing");
        ClassResult seven = e.perClass().get(1);
        assertEquals(7, seven.category().id());
        assertFalse(seven.defined());
        assertTrue(Double.isNaN(seven.ap50()) && Double.isNaN(seven.ar100()));
        assertEquals(e.stat(Stat.AP), e.meanOfPerClassAp(), 0);
    }

    @Test
    void noDetectionsScoreZeroWithANote() {
        CocoEvaluation e = new Case(1).gt(1, box(0, 0, 10, 10)).evaluate();
        assertEquals(0.0, e.stat(Stat.AP), 0);
        assertEquals(0.0, e.stat(Stat.AR100), 0);
        assertTrue(e.notes().get(0).startsWith("no detections"), e.notes().toString());
    }

    @Test
    void aDetectionOfAnImageOutsideTheGroundTruthIsRefusedAsLoadResRefusesIt() {
        Case c = new Case(1).gt(1, box(0, 0, 10, 10)).dt(2, box(0, 0, 10, 10), .5);
        assertThrows(IllegalArgumentException.class, c::evaluate);
    }

    @Test
    void imagesEvaluatedOnTheirOwnAccumulateAsTheWholeSetAndADuplicateCountsAsAnotherImage() {
        Case two = twoImages(new Case(1, 2));
        Case three = twoImages(new Case(1, 2, 3)).gt(3, box(0, 0, 10, 10)).gt(3, box(40, 40, 5, 5))
                .dt(3, box(1, 1, 10, 10), .8).dt(3, box(60, 60, 5, 5), .95);
        ImageResult first = image(two, 1);
        ImageResult second = image(two, 2);
        assertSameNumbers(two.evaluate(), CocoEval.accumulate(two.categories, List.of(first, second)));
        assertSameNumbers(three.evaluate(), CocoEval.accumulate(two.categories, List.of(first, second, second)));
        CocoEvaluation reordered = CocoEval.accumulate(two.categories, List.of(second, first));
        assertEquals(2, reordered.counts().images());
    }

    private static Case twoImages(Case c) {
        return c.gt(1, box(0, 0, 10, 10)).dt(1, box(0, 0, 9, 10), .9).dt(1, box(20, 20, 10, 10), .8)
                .gt(2, box(0, 0, 10, 10)).gt(2, box(40, 40, 5, 5))
                .dt(2, box(1, 1, 10, 10), .8).dt(2, box(60, 60, 5, 5), .95);
    }

    private static ImageResult image(Case c, long id) {
        return CocoEval.evaluateImage(c.categories, c.gts.stream().filter(a -> a.imageId() == id).toList(),
                c.dts.stream().filter(d -> d.imageId() == id).toList());
    }

    private static void assertSameNumbers(CocoEvaluation expected, CocoEvaluation actual) {
        assertEquals(expected.stats(), actual.stats());
        assertEquals(expected.counts(), actual.counts());
        for (int k = 0; k < expected.perClass().size(); k++) {
            ClassResult e = expected.perClass().get(k);
            ClassResult a = actual.perClass().get(k);
            assertEquals(List.of(e.ap(), e.ap50(), e.ap75(), e.ar100(), (double) e.numGtNonCrowd()),
                    List.of(a.ap(), a.ap50(), a.ap75(), a.ar100(), (double) a.numGtNonCrowd()));
            assertArrayEquals(e.precisionAt50(), a.precisionAt50());
        }
    }

    @Test
    void summarizeLinesArePycocotoolsCharacterForCharacter() {
        List<String> lines = new Case(1).gt(1, box(0, 0, 10, 10)).dt(1, box(0, 0, 10, 10), .9).evaluate()
                .summarizeLines();
        assertEquals(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 1.000", lines.get(0));
        assertEquals(" Average Precision  (AP) @[ IoU=0.75      | area=   all | maxDets=100 ] = 1.000", lines.get(2));
        assertEquals(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = -1.000", lines.get(4));
        assertEquals(" Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ] = 1.000", lines.get(6));
        // 0.1235 is stored as 0.12349999...: Python prints 0.123, where Java's %.3f prints 0.124
        assertEquals("0.123", Stat.fixed(0.1235, 3), "Python rounds the exact binary value");
        assertEquals("0.12", Stat.fixed(0.125, 2), "exact halves go to even, as Python's format");
    }
}
