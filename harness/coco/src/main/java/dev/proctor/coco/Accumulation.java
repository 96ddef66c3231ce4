package dev.proctor.coco;

import java.util.Arrays;
import java.util.List;

/**
 * COCOeval.accumulate: 101-point interpolated precision and final recall for every category, area range, maxDets
 * and IoU threshold. A cell stays -1, as in pycocotools, where the category has no ground-truth box that counts
 * (npig == 0) or nothing at all in any image; summarize leaves those cells out of every mean.
 */
final class Accumulation {
    /** pycocotools' marker of a cell with no ground truth. */
    static final double ABSENT = -1;
    /** {@code np.spacing(1)}, added to tp + fp so that a "perfect" precision is 0.9999999999999998. */
    private static final double EPS = Math.ulp(1.0);

    /** [category][area][maxDets][threshold][recall point]. */
    private final double[][][][][] precision;
    /** [category][area][maxDets][threshold]. */
    private final double[][][][] recall;

    /** An accumulation of {@code numCategories} categories, every cell -1 until {@link #add} fills it. */
    Accumulation(int numCategories) {
        int numA = AreaRange.values().length;
        int numM = CocoParams.numMaxDets();
        int numT = CocoParams.numIou();
        precision = new double[numCategories][numA][numM][numT][CocoParams.numRecall()];
        recall = new double[numCategories][numA][numM][numT];
        for (double[][][][] byArea : precision) {
            for (double[][][] byMax : byArea) {
                for (double[][] byT : byMax) {
                    for (double[] byR : byT) {
                        Arrays.fill(byR, ABSENT);
                    }
                }
            }
        }
        for (double[][][] byArea : recall) {
            for (double[][] byMax : byArea) {
                for (double[] byT : byMax) {
                    Arrays.fill(byT, ABSENT);
                }
            }
        }
    }

    /**
     * Fills category {@code k}'s cells: every area range and maxDets.
     *
     * @param images the images that have boxes or detections of the category, in image id order: each image's
     *               evaluations by area range ordinal (the same detections and scores in each)
     */
    void add(int k, List<ImageEvaluation[]> images) {
        // The detections of all images joined in image order, then np.argsort(-dtScores, kind='mergesort'): a
        // stable sort, so ties keep image order and, within an image, score order. The first maxDet of each image
        // are a subset that keeps this relative order, so one sort serves every area range and maxDets.
        int n = 0;
        for (ImageEvaluation[] e : images) {
            n += e[0].scores().length;
        }
        double[] scores = new double[n];
        int[] image = new int[n];
        int[] detection = new int[n];
        int j = 0;
        for (int i = 0; i < images.size(); i++) {
            double[] s = images.get(i)[0].scores();
            for (int d = 0; d < s.length; d++, j++) {
                scores[j] = s[d];
                image[j] = i;
                detection[j] = d;
            }
        }
        Integer[] boxed = new Integer[n];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, (x, y) -> Double.compare(scores[y], scores[x]));
        int[] order = new int[n];
        Arrays.setAll(order, i -> boxed[i]);
        for (AreaRange a : AreaRange.values()) {
            List<ImageEvaluation> ranged = images.stream().map(e -> e[a.ordinal()]).toList();
            for (int m = 0; m < CocoParams.numMaxDets(); m++) {
                cell(ranged, CocoParams.maxDet(m), image, detection, order, precision[k][a.ordinal()][m],
                        recall[k][a.ordinal()][m]);
            }
        }
    }

    double precision(int k, AreaRange a, int m, int t, int r) {
        return precision[k][a.ordinal()][m][t][r];
    }

    double recall(int k, AreaRange a, int m, int t) {
        return recall[k][a.ordinal()][m][t];
    }

    int numCategories() {
        return precision.length;
    }

    private void cell(List<ImageEvaluation> images, int maxDet, int[] image, int[] detection, int[] order,
                      double[][] precisionOut, double[] recallOut) {
        int npig = 0;
        for (ImageEvaluation e : images) {
            npig += e.countedGt();
        }
        if (images.isEmpty() || npig == 0) {
            return;
        }
        int n = 0;
        int[] outcomes = new int[order.length];
        for (int o : order) {
            if (detection[o] < maxDet) {
                // the image's first maxDet detections, in the joined score order
                outcomes[n++] = images.get(image[o]).outcomes()[detection[o]];
            }
        }
        double[] rc = new double[n];
        double[] pr = new double[n];
        for (int t = 0; t < CocoParams.numIou(); t++) {
            // tp_sum/fp_sum: cumulative counts of matched / unmatched detections that are not ignored, as floats.
            int matched = 1 << t;
            int ignored = 1 << (ImageEvaluation.IGNORED_SHIFT + t);
            long tp = 0;
            long fp = 0;
            for (int i = 0; i < n; i++) {
                int outcome = outcomes[i];
                if ((outcome & ignored) == 0) {
                    if ((outcome & matched) != 0) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
                rc[i] = (double) tp / npig;
                pr[i] = tp / ((double) fp + (double) tp + EPS);
            }
            recallOut[t] = n > 0 ? rc[n - 1] : 0;
            for (int i = n - 1; i > 0; i--) {
                if (pr[i] > pr[i - 1]) {
                    pr[i - 1] = pr[i]; // the precision envelope, non-increasing from the right
                }
            }
            double[] q = precisionOut[t];
            Arrays.fill(q, 0);
            int at = 0;
            for (int r = 0; r < q.length; r++) {
                // np.searchsorted(rc, recThrs, side='left'): rc and the thresholds both ascend, so one walk
                double threshold = CocoParams.recall(r);
                while (at < n && rc[at] < threshold) {
                    at++;
                }
                if (at >= n) {
                    break; // pycocotools' IndexError, caught: this and every higher recall point stay 0
                }
                q[r] = pr[at];
            }
        }
    }
}
