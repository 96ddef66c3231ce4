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
     * Fills category {@code k}'s cells of one area range, for every maxDets.
     *
     * @param images the evaluations of the images that have boxes or detections of the category, in image id order
     */
    void add(int k, AreaRange a, List<ImageEvaluation> images) {
        for (int m = 0; m < CocoParams.numMaxDets(); m++) {
            cell(images, CocoParams.maxDet(m), precision[k][a.ordinal()][m], recall[k][a.ordinal()][m]);
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

    private void cell(List<ImageEvaluation> images, int maxDet, double[][] precisionOut, double[] recallOut) {
        int npig = 0;
        int n = 0;
        for (ImageEvaluation e : images) {
            npig += e.countedGt();
            n += Math.min(maxDet, e.scores().length);
        }
        if (images.isEmpty() || npig == 0) {
            return;
        }
        // The first maxDet detections of each image, joined in image order, then np.argsort(-dtScores,
        // kind='mergesort'): a stable sort, so ties keep image order and, within an image, score order.
        double[] scores = new double[n];
        int[] image = new int[n];
        int[] detection = new int[n];
        int j = 0;
        for (int i = 0; i < images.size(); i++) {
            double[] s = images.get(i).scores();
            for (int d = 0; d < Math.min(maxDet, s.length); d++, j++) {
                scores[j] = s[d];
                image[j] = i;
                detection[j] = d;
            }
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(scores[y], scores[x]));
        double[] rc = new double[n];
        double[] pr = new double[n];
        for (int t = 0; t < CocoParams.numIou(); t++) {
            // tp_sum/fp_sum: cumulative counts of matched / unmatched detections that are not ignored, as floats.
            long tp = 0;
            long fp = 0;
            for (int i = 0; i < n; i++) {
                ImageEvaluation e = images.get(image[order[i]]);
                int d = detection[order[i]];
                if (!e.ignored()[t][d]) {
                    if (e.matched()[t][d]) {
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
            for (int r = 0; r < q.length; r++) {
                int at = searchSortedLeft(rc, n, CocoParams.recall(r));
                if (at >= n) {
                    break; // pycocotools' IndexError, caught: this and every higher recall point stay 0
                }
                q[r] = pr[at];
            }
        }
    }

    /** {@code np.searchsorted(rc, value, side='left')}: the first index whose value is not below {@code value}. */
    private static int searchSortedLeft(double[] sorted, int n, double value) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
