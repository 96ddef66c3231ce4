package dev.proctor.coco;

import dev.proctor.stats.numeric.NumpyMath;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        List<Category> categories = gt.categories();
        // _prepare: getAnnIds(imgIds, catIds) keeps file order within each image and category; detections of
        // other categories are never looked at.
        Map<Long, TreeMap<Long, Cell>> byCategory = new HashMap<>();
        categories.forEach(c -> byCategory.put(c.id(), new TreeMap<>()));
        for (Annotation a : gt.annotations()) {
            TreeMap<Long, Cell> images = byCategory.get(a.categoryId());
            if (images != null && gt.hasImage(a.imageId())) {
                images.computeIfAbsent(a.imageId(), i -> new Cell()).gts.add(a);
            }
        }
        for (Detection d : detections) {
            TreeMap<Long, Cell> images = byCategory.get(d.categoryId());
            if (images != null) {
                images.computeIfAbsent(d.imageId(), i -> new Cell()).dts.add(d);
            }
        }
        // evaluateImg returns None for an image with neither, so only images with something take part, in
        // ascending image id order (params.imgIds after np.unique). One category at a time bounds the memory.
        Accumulation acc = new Accumulation(categories.size());
        for (int k = 0; k < categories.size(); k++) {
            List<ImageCategory> images = byCategory.get(categories.get(k).id()).values().stream()
                    .map(cell -> new ImageCategory(cell.gts, cell.dts)).toList();
            for (AreaRange range : AreaRange.values()) {
                acc.add(k, range, images.stream().map(i -> i.evaluate(range)).toList());
            }
        }

        Map<Stat, Double> stats = new EnumMap<>(Stat.class);
        for (Stat s : Stat.values()) {
            stats.put(s, s.of(acc));
        }
        List<ClassResult> perClass = new ArrayList<>();
        double[] definedAps = new double[categories.size()];
        int numDefined = 0;
        for (int k = 0; k < categories.size(); k++) {
            ClassResult r = perClass(acc, k, categories.get(k), byCategory.get(categories.get(k).id()));
            perClass.add(r);
            if (r.defined()) {
                definedAps[numDefined++] = r.ap();
            }
        }
        List<String> notes = new ArrayList<>();
        if (detections.isEmpty()) {
            notes.add("no detections: every category with ground truth scores 0 (pycocotools' loadRes raises"
                    + " IndexError on an empty list; an empty result object gives these numbers)");
        }
        var counts = new CocoEvaluation.Counts(gt.imageIds().size(), categories.size(), gt.annotations().size(),
                detections.size());
        return new CocoEvaluation(stats, perClass, NumpyMath.mean(definedAps, numDefined), counts, notes);
    }

    /**
     * The peer's per-class numbers: the mean of {@code precision[:, :, k, all, 100]} (AP), of its first and sixth
     * thresholds (AP50, AP75) and of {@code recall[:, k, all, 100]} (AR100), over the cells above -1.
     */
    private static ClassResult perClass(Accumulation acc, int k, Category category, TreeMap<Long, Cell> images) {
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
        int nonCrowd = 0;
        for (Cell cell : images.values()) {
            nonCrowd += (int) cell.gts.stream().filter(a -> !a.crowd()).count();
        }
        return new ClassResult(category, NumpyMath.mean(all, n), NumpyMath.mean(at50, n50), NumpyMath.mean(at75, n75),
                NumpyMath.mean(recall, nRecall), nonCrowd);
    }

    /** One image's boxes and detections of one category, in file order. */
    private static final class Cell {
        final List<Annotation> gts = new ArrayList<>();
        final List<Detection> dts = new ArrayList<>();
    }
}
