package dev.proctor.coco;

/**
 * A COCO box {@code [x, y, width, height]} in continuous pixel coordinates: no +1 anywhere, as pycocotools'
 * maskApi.c {@code bbIou} computes with it.
 */
public record Box(double x, double y, double width, double height) {
    public Box {
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height))
                || width < 0 || height < 0) {
            throw new IllegalArgumentException("a box is 4 finite numbers with width, height >= 0: [" + x + ", " + y
                    + ", " + width + ", " + height + "]");
        }
    }

    /** width·height: the area coco.py {@code loadRes} gives a detection ({@code ann['area'] = bb[2]*bb[3]}). */
    public double area() {
        return width * height;
    }

    /**
     * This detection box's IoU with a ground-truth box, in maskApi.c {@code bbIou}'s order of operations: 0 unless
     * both overlaps are positive; for a crowd box the union is the detection's own area (intersection over the
     * detection), otherwise {@code da + ga - i} with {@code ga} from the box, not the annotation's area field.
     */
    public double iou(Box gt, boolean crowd) {
        double w = Math.min(width + x, gt.width + gt.x) - Math.max(x, gt.x);
        if (w <= 0) {
            return 0;
        }
        double h = Math.min(height + y, gt.height + gt.y) - Math.max(y, gt.y);
        if (h <= 0) {
            return 0;
        }
        double intersection = w * h;
        double union = crowd ? area() : area() + gt.area() - intersection;
        return intersection / union;
    }
}
