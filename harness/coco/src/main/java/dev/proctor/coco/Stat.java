package dev.proctor.coco;

import dev.proctor.stats.numeric.NumpyMath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The twelve numbers of COCOeval.summarize ({@code _summarizeDets}, in its order), each the mean of the accumulated
 * cells above -1 for its IoU threshold(s), area range and maxDets; undefined (pycocotools: -1) when there are none.
 */
public enum Stat {
    AP("AP", true, null, AreaRange.ALL, 100),
    AP50("AP50", true, .5, AreaRange.ALL, 100),
    AP75("AP75", true, .75, AreaRange.ALL, 100),
    AP_SMALL("APs", true, null, AreaRange.SMALL, 100),
    AP_MEDIUM("APm", true, null, AreaRange.MEDIUM, 100),
    AP_LARGE("APl", true, null, AreaRange.LARGE, 100),
    AR1("AR1", false, null, AreaRange.ALL, 1),
    AR10("AR10", false, null, AreaRange.ALL, 10),
    AR100("AR100", false, null, AreaRange.ALL, 100),
    AR_SMALL("ARs", false, null, AreaRange.SMALL, 100),
    AR_MEDIUM("ARm", false, null, AreaRange.MEDIUM, 100),
    AR_LARGE("ARl", false, null, AreaRange.LARGE, 100);

    private final String key;
    private final boolean precision;
    private final Double iouThreshold;
    private final AreaRange area;
    private final int maxDets;

    Stat(String key, boolean precision, Double iouThreshold, AreaRange area, int maxDets) {
        this.key = key;
        this.precision = precision;
        this.iouThreshold = iouThreshold;
        this.area = area;
        this.maxDets = maxDets;
    }

    /** The JSON key: AP, AP50, AP75, APs, APm, APl, AR1, AR10, AR100, ARs, ARm, ARl. */
    public String key() {
        return key;
    }

    public AreaRange area() {
        return area;
    }

    /** _summarize: the mean of the cells above -1, in numpy's C order (threshold, recall point, category); NaN if none. */
    double of(Accumulation acc) {
        int m = CocoParams.maxDetIndex(maxDets);
        int numR = precision ? CocoParams.numRecall() : 1;
        double[] kept = new double[CocoParams.numIou() * numR * acc.numCategories()];
        int n = 0;
        for (int t = 0; t < CocoParams.numIou() && m >= 0; t++) {
            // np.where(iouThr == p.iouThrs): an exact float comparison, as in summarize
            if (iouThreshold != null && CocoParams.iou(t) != iouThreshold) {
                continue;
            }
            for (int r = 0; r < numR; r++) {
                for (int k = 0; k < acc.numCategories(); k++) {
                    double v = precision ? acc.precision(k, area, m, t, r) : acc.recall(k, area, m, t);
                    if (v > Accumulation.ABSENT) {
                        kept[n++] = v;
                    }
                }
            }
        }
        return NumpyMath.mean(kept, n);
    }

    /** The line summarize prints, with -1.000 for an undefined value as pycocotools prints it. */
    public String line(double value) {
        String iou = iouThreshold == null
                ? fixed(CocoParams.iou(0), 2) + ":" + fixed(CocoParams.iou(CocoParams.numIou() - 1), 2)
                : fixed(iouThreshold, 2);
        return String.format(Locale.ROOT, " %-18s %s @[ IoU=%-9s | area=%6s | maxDets=%3d ] = %s",
                precision ? "Average Precision" : "Average Recall", precision ? "(AP)" : "(AR)", iou, area.label(),
                maxDets, fixed(Double.isNaN(value) ? -1 : value, 3));
    }

    /** Python's {@code '{:0.Nf}'}: the exact binary value rounded half to even. */
    static String fixed(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
