package dev.proctor.coco;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ground truth and detections of one image and category, with their IoUs computed once (COCOeval.computeIoU)
 * and matched per area range (COCOeval.evaluateImg).
 */
final class ImageCategory {
    /** cocoeval.py evaluateImg: {@code iou = min([t, 1-1e-10])}, so an IoU of exactly 1 still passes t = 1. */
    private static final double MAX_THRESHOLD = 1 - 1e-10;

    private final List<Annotation> gts;
    private final List<Detection> dts;
    private final double[][] ious;

    /**
     * @param gts the image's boxes of the category in file order
     * @param dts its detections of the category in file order
     */
    ImageCategory(List<Annotation> gts, List<Detection> dts) {
        this.gts = List.copyOf(gts);
        // computeIoU and evaluateImg: np.argsort(-score, kind='mergesort') (stable: ties keep file order), then
        // the first maxDets[-1]. List.sort is stable too.
        List<Detection> sorted = new ArrayList<>(dts);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        this.dts = List.copyOf(sorted.subList(0, Math.min(sorted.size(), CocoParams.matchingMaxDet())));
        this.ious = new double[this.dts.size()][this.gts.size()];
        for (int d = 0; d < this.dts.size(); d++) {
            for (int g = 0; g < this.gts.size(); g++) {
                ious[d][g] = this.dts.get(d).box().iou(this.gts.get(g).box(), this.gts.get(g).crowd());
            }
        }
    }

    /** cocoeval.py evaluateImg for one area range, matching at every IoU threshold. */
    ImageEvaluation evaluate(AreaRange range) {
        int numT = CocoParams.numIou();
        // gtIgnore: iscrowd or area outside the range; gts sorted ignored-last by a stable sort.
        List<Integer> order = new ArrayList<>();
        for (int g = 0; g < gts.size(); g++) {
            order.add(g);
        }
        order.sort(Comparator.comparing(g -> ignored(gts.get(g), range)));
        int numG = order.size();
        boolean[] gtIgnore = new boolean[numG];
        boolean[] crowd = new boolean[numG];
        int counted = 0;
        for (int i = 0; i < numG; i++) {
            Annotation gt = gts.get(order.get(i));
            gtIgnore[i] = ignored(gt, range);
            crowd[i] = gt.crowd();
            counted += gtIgnore[i] ? 0 : 1;
        }
        int numD = dts.size();
        boolean[][] dtMatched = new boolean[numT][numD];
        boolean[][] dtIgnore = new boolean[numT][numD];
        for (int t = 0; t < numT; t++) {
            boolean[] gtMatched = new boolean[numG];
            for (int d = 0; d < numD; d++) {
                double best = Math.min(CocoParams.iou(t), MAX_THRESHOLD);
                int m = -1;
                for (int i = 0; i < numG; i++) {
                    if (gtMatched[i] && !crowd[i]) {
                        continue; // a regular box is matched once; a crowd box any number of times
                    }
                    if (m > -1 && !gtIgnore[m] && gtIgnore[i]) {
                        break; // matched to a regular box: never move to an ignored one
                    }
                    double iou = ious[d][order.get(i)];
                    if (iou < best) {
                        continue; // '<': an equal IoU later in the order takes the match
                    }
                    best = iou;
                    m = i;
                }
                if (m == -1) {
                    continue;
                }
                dtIgnore[t][d] = gtIgnore[m];
                dtMatched[t][d] = true;
                gtMatched[m] = true;
            }
        }
        double[] scores = new double[numD];
        for (int d = 0; d < numD; d++) {
            scores[d] = dts.get(d).score();
            if (range.outside(dts.get(d).area())) {
                for (int t = 0; t < numT; t++) {
                    dtIgnore[t][d] |= !dtMatched[t][d]; // unmatched detections outside the range are ignored
                }
            }
        }
        return ImageEvaluation.of(scores, dtMatched, dtIgnore, counted);
    }

    /** prepare + evaluateImg: {@code gt['ignore'] = iscrowd}; {@code _ignore} adds the area range. */
    private static boolean ignored(Annotation gt, AreaRange range) {
        return gt.crowd() || range.outside(gt.area());
    }
}
