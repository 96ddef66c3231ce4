package dev.proctor.coco;

import dev.proctor.stats.numeric.NumpyMath;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * pycocotools' {@code COCOeval(gt, dt, 'bbox')} with default Params: evaluate, accumulate, summarize.
 * Start here; {@link dev.proctor.coco.io.CocoFiles} reads the files this scores.
 */
public final class CocoEval {
    private CocoEval() {
    }

    /**
     * Scores the detections against the ground truth.
     *
     * @throws IllegalArgumentException if a detection's image is not in the ground truth (coco.py loadRes asserts
     *                                  'Results do not correspond to current coco set')
     */
    public static CocoEvaluation evaluate(GroundTruth gt, List<Detection> detections) {
        for (Detection d : detections) {
            if (!gt.hasImage(d.imageId())) {
                throw new IllegalArgumentException("detection " + d.id() + " is of image " + d.imageId()
                        + ", which is not in the ground truth");
            }
        }
        // _prepare: getAnnIds(imgIds, catIds) keeps file order within each image and category.
        Map<Long, List<Annotation>> gts = new HashMap<>();
        Map<Long, List<Detection>> dts = new HashMap<>();
        for (Annotation a : gt.annotations()) {
            gts.computeIfAbsent(a.imageId(), i -> new ArrayList<>()).add(a);
        }
        for (Detection d : detections) {
            dts.computeIfAbsent(d.imageId(), i -> new ArrayList<>()).add(d);
        }
        // Images in ascending id order (params.imgIds after np.unique).
        List<ImageResult> images = new ArrayList<>();
        for (long id : gt.imageIds()) {
            images.add(ImageResult.of(gt.categories(), gts.getOrDefault(id, List.of()), dts.getOrDefault(id, List.of())));
        }
        var counts = new CocoEvaluation.Counts(gt.imageIds().size(), gt.categories().size(), gt.annotations().size(),
                detections.size());
        return accumulate(gt.categories(), images, counts);
    }

    /**
     * Evaluates one image on its own (evaluateImg for every category and area range), for {@link #accumulate}.
     *
     * @param categories the categories evaluated, in id order
     * @param gts        the image's ground-truth boxes in file order
     * @param dts        its detections in file order
     */
    public static ImageResult evaluateImage(List<Category> categories, List<Annotation> gts, List<Detection> dts) {
        return ImageResult.of(categories, gts, dts);
    }

    /**
     * Accumulates and summarizes images evaluated on their own, as {@link #evaluate} would score a ground truth
     * whose images are these, in this order; an image listed twice counts twice (a bootstrap draw of images).
     *
     * @param categories the categories the images were evaluated on, in id order
     */
    public static CocoEvaluation accumulate(List<Category> categories, List<ImageResult> images) {
        int annotations = 0;
        int detections = 0;
        for (ImageResult i : images) {
            annotations += i.annotations();
            detections += i.detections();
        }
        return accumulate(categories, images,
                new CocoEvaluation.Counts(images.size(), categories.size(), annotations, detections));
    }

    private static CocoEvaluation accumulate(List<Category> categories, List<ImageResult> images,
                                             CocoEvaluation.Counts counts) {
        // evaluateImg returns None for an image with neither boxes nor detections of a category, so only images
        // with something take part, in image order.
        Accumulation acc = new Accumulation(categories.size());
        for (int k = 0; k < categories.size(); k++) {
            List<ImageEvaluation[]> cells = new ArrayList<>();
            for (ImageResult i : images) {
                ImageEvaluation[] byRange = i.evaluations(k);
                if (byRange != null) {
                    cells.add(byRange);
                }
            }
            acc.add(k, cells);
        }
        Map<Stat, Double> stats = new EnumMap<>(Stat.class);
        for (Stat s : Stat.values()) {
            stats.put(s, s.of(acc));
        }
        List<ClassResult> perClass = new ArrayList<>();
        double[] definedAps = new double[categories.size()];
        int numDefined = 0;
        for (int k = 0; k < categories.size(); k++) {
            int nonCrowd = 0;
            for (ImageResult i : images) {
                nonCrowd += i.nonCrowd(k);
            }
            ClassResult r = perClass(acc, k, categories.get(k), nonCrowd);
            perClass.add(r);
            if (r.defined()) {
                definedAps[numDefined++] = r.ap();
            }
        }
        List<String> notes = new ArrayList<>();
        if (counts.detections() == 0) {
            notes.add("no detections: every category with ground truth scores 0 (pycocotools' loadRes raises"
                    + " IndexError on an empty list; an empty result object gives these numbers)");
        }
        return new CocoEvaluation(stats, perClass, NumpyMath.mean(definedAps, numDefined), counts, notes);
    }

    /**
     * The peer's per-class numbers: the mean of {@code precision[:, :, k, all, 100]} (AP), of its first and sixth
     * thresholds (AP50, AP75) and of {@code recall[:, k, all, 100]} (AR100), over the cells above -1.
     */
    private static ClassResult perClass(Accumulation acc, int k, Category category, int nonCrowd) {
        int m = CocoParams.maxDetIndex(100);
        int numT = CocoParams.numIou();
        int numR = CocoParams.numRecall();
        double[] all = new double[numT * numR];
        double[] at50 = new double[numR];
        double[] at75 = new double[numR];
        double[] recall = new double[numT];
        int n = 0;
        int n50 = 0;
        int n75 = 0;
        int nRecall = 0;
        for (int t = 0; t < numT; t++) {
            for (int r = 0; r < numR; r++) {
                double v = acc.precision(k, AreaRange.ALL, m, t, r);
                if (v > Accumulation.ABSENT) {
                    all[n++] = v;
                    if (t == 0) {
                        at50[n50++] = v;
                    } else if (t == 5) {
                        at75[n75++] = v;
                    }
                }
            }
            double v = acc.recall(k, AreaRange.ALL, m, t);
            if (v > Accumulation.ABSENT) {
                recall[nRecall++] = v;
            }
        }
        double[] curve = new double[numR];
        for (int r = 0; r < numR; r++) {
            double v = acc.precision(k, AreaRange.ALL, m, 0, r);
            curve[r] = v > Accumulation.ABSENT ? v : Double.NaN;
        }
        return new ClassResult(category, NumpyMath.mean(all, n), NumpyMath.mean(at50, n50), NumpyMath.mean(at75, n75),
                NumpyMath.mean(recall, nRecall), nonCrowd, curve);
    }
}
