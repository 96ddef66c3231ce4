package dev.proctor.coco;

import java.util.List;

/**
 * COCOeval.evaluateImg of one image for every category and area range: what accumulate needs of the image. Images
 * are evaluated independently, so a resample of images (a bootstrap draw) is scored by accumulating the results of
 * the images drawn, {@link CocoEval#accumulate}, without matching any box again.
 */
public final class ImageResult {
    /** [category][area range]; null where the image has neither boxes nor detections of the category. */
    private final ImageEvaluation[][] evaluations;
    /** [category]: ground-truth boxes with iscrowd 0. */
    private final int[] nonCrowd;
    private final int annotations;
    private final int detections;

    private ImageResult(ImageEvaluation[][] evaluations, int[] nonCrowd, int annotations, int detections) {
        this.evaluations = evaluations;
        this.nonCrowd = nonCrowd;
        this.annotations = annotations;
        this.detections = detections;
    }

    /**
     * Evaluates one image.
     *
     * @param categories the categories evaluated, in id order; boxes and detections of any other are left out
     * @param gts        the image's ground-truth boxes in file order
     * @param dts        its detections in file order
     */
    static ImageResult of(List<Category> categories, List<Annotation> gts, List<Detection> dts) {
        ImageEvaluation[][] evaluations = new ImageEvaluation[categories.size()][];
        int[] nonCrowd = new int[categories.size()];
        int annotations = 0;
        int detections = 0;
        for (int k = 0; k < categories.size(); k++) {
            long id = categories.get(k).id();
            List<Annotation> g = gts.stream().filter(a -> a.categoryId() == id).toList();
            List<Detection> d = dts.stream().filter(x -> x.categoryId() == id).toList();
            annotations += g.size();
            detections += d.size();
            nonCrowd[k] = (int) g.stream().filter(a -> !a.crowd()).count();
            if (g.isEmpty() && d.isEmpty()) {
                continue; // evaluateImg returns None: the image takes no part in this category
            }
            ImageCategory cell = new ImageCategory(g, d);
            evaluations[k] = new ImageEvaluation[AreaRange.values().length];
            for (AreaRange range : AreaRange.values()) {
                evaluations[k][range.ordinal()] = cell.evaluate(range);
            }
        }
        return new ImageResult(evaluations, nonCrowd, annotations, detections);
    }

    /** The evaluations of category {@code k} by area range ordinal; null where the image takes no part in it. */
    ImageEvaluation[] evaluations(int k) {
        return evaluations[k];
    }

    int nonCrowd(int k) {
        return nonCrowd[k];
    }

    int annotations() {
        return annotations;
    }

    int detections() {
        return detections;
    }
}
