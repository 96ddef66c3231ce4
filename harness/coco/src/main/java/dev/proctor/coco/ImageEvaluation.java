package dev.proctor.coco;

/**
 * evaluateImg's result for one image, category and area range, as accumulate reads it: the detections in score
 * order (at most maxDets[-1]), whether each is matched ({@code dtMatches != 0}) and ignored at each IoU threshold,
 * and how many ground-truth boxes count ({@code gtIgnore == 0}).
 *
 * @param scores    detection scores, highest first
 * @param matched   [threshold][detection]
 * @param ignored   [threshold][detection]
 * @param countedGt ground-truth boxes neither crowd nor outside the area range
 */
record ImageEvaluation(double[] scores, boolean[][] matched, boolean[][] ignored, int countedGt) {
}
