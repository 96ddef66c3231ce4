package dev.proctor.coco;

/**
 * evaluateImg's result for one image, category and area range, as accumulate reads it: the detections in score
 * order (at most maxDets[-1]), whether each is matched ({@code dtMatches != 0}) and ignored at each IoU threshold,
 * and how many ground-truth boxes count ({@code gtIgnore == 0}). The flags of a detection are packed in one int
 * (bit t: matched at threshold t; bit {@value #IGNORED_SHIFT} + t: ignored), so that accumulate, which reads them
 * for every resample, walks one primitive array.
 *
 * @param scores    detection scores, highest first
 * @param outcomes  per detection, its matched and ignored bits
 * @param countedGt ground-truth boxes neither crowd nor outside the area range
 */
record ImageEvaluation(double[] scores, int[] outcomes, int countedGt) {
    static final int IGNORED_SHIFT = 16;

    static {
        if (CocoParams.numIou() > IGNORED_SHIFT) {
            throw new IllegalStateException("more IoU thresholds than bits to pack them");
        }
    }

    /** Packs [threshold][detection] flags. */
    static ImageEvaluation of(double[] scores, boolean[][] matched, boolean[][] ignored, int countedGt) {
        int[] outcomes = new int[scores.length];
        for (int t = 0; t < matched.length; t++) {
            for (int d = 0; d < scores.length; d++) {
                outcomes[d] |= (matched[t][d] ? 1 << t : 0) | (ignored[t][d] ? 1 << (IGNORED_SHIFT + t) : 0);
            }
        }
        return new ImageEvaluation(scores, outcomes, countedGt);
    }
}
