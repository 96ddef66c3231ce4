package dev.proctor.coco;

/**
 * COCOeval's default Params for bounding boxes (cocoeval.py {@code setDetParams}). The thresholds are computed as
 * {@code np.linspace} computes them, {@code i * step + start} with the last set to {@code stop}, so they carry
 * numpy's values exactly (the ninth IoU threshold is 0.8999999999999999, not 0.9).
 */
public final class CocoParams {
    private static final double[] IOU_THRESHOLDS = linspace(0.5, 0.95, 10);
    private static final double[] RECALL_THRESHOLDS = linspace(0.0, 1.0, 101);
    private static final int[] MAX_DETS = {1, 10, 100};

    private CocoParams() {
    }

    /** {@code np.linspace(.5, 0.95, 10)}. */
    public static double[] iouThresholds() {
        return IOU_THRESHOLDS.clone();
    }

    /** {@code np.linspace(.0, 1.00, 101)}. */
    public static double[] recallThresholds() {
        return RECALL_THRESHOLDS.clone();
    }

    /** {@code [1, 10, 100]}: detections per image and category; matching uses the last. */
    public static int[] maxDets() {
        return MAX_DETS.clone();
    }

    static int numIou() {
        return IOU_THRESHOLDS.length;
    }

    static int numRecall() {
        return RECALL_THRESHOLDS.length;
    }

    static double iou(int t) {
        return IOU_THRESHOLDS[t];
    }

    static double recall(int r) {
        return RECALL_THRESHOLDS[r];
    }

    static int maxDet(int m) {
        return MAX_DETS[m];
    }

    static int numMaxDets() {
        return MAX_DETS.length;
    }

    /** The largest maxDets value, the one evaluateImg matches with. */
    static int matchingMaxDet() {
        return MAX_DETS[MAX_DETS.length - 1];
    }

    /** The index of {@code value} in maxDets, found by equality as summarize finds it; -1 if absent. */
    static int maxDetIndex(int value) {
        for (int m = 0; m < MAX_DETS.length; m++) {
            if (MAX_DETS[m] == value) {
                return m;
            }
        }
        return -1;
    }

    /** numpy 1.24's linspace with endpoint: {@code arange(num) * ((stop - start) / (num - 1)) + start}, last = stop. */
    static double[] linspace(double start, double stop, int num) {
        double step = (stop - start) / (num - 1);
        double[] y = new double[num];
        for (int i = 0; i < num; i++) {
            y[i] = i * step + start;
        }
        y[num - 1] = stop;
        return y;
    }
}
