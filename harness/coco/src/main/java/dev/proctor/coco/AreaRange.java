package dev.proctor.coco;

/**
 * COCOeval's default {@code areaRng}/{@code areaRngLbl} (cocoeval.py Params.setDetParams): [0², 1e5²], [0², 32²],
 * [32², 96²], [96², 1e5²]. Both ends are inclusive: a box is outside only when {@code area < lo or area > hi}.
 */
public enum AreaRange {
    ALL("all", 0, 1e10),
    SMALL("small", 0, 1024),
    MEDIUM("medium", 1024, 9216),
    LARGE("large", 9216, 1e10);

    private final String label;
    private final double lo;
    private final double hi;

    AreaRange(String label, double lo, double hi) {
        this.label = label;
        this.lo = lo;
        this.hi = hi;
    }

    /** pycocotools' label: all, small, medium, large. */
    public String label() {
        return label;
    }

    public double lo() {
        return lo;
    }

    public double hi() {
        return hi;
    }

    /** The range as {@code [lo, hi]}, e.g. {@code [0, 1e10]}. */
    public String interval() {
        return "[" + number(lo) + ", " + number(hi) + "]";
    }

    private static String number(double v) {
        return v == 1e10 ? "1e10" : Long.toString((long) v);
    }

    /** evaluateImg's test, for a ground-truth area field or a detection's w·h. */
    public boolean outside(double area) {
        return area < lo || area > hi;
    }
}
