package dev.proctor.coco;

/**
 * One category's numbers as the peer (detection_peer.py) reports them per class, from COCOeval's accumulated
 * arrays at area "all" and maxDets 100: AP over all thresholds, AP at .50 and .75, AR100; NaN (pycocotools: -1)
 * where the category has no ground-truth box that counts, in which case it is left out of every mean.
 *
 * @param numGtNonCrowd the category's ground-truth boxes with iscrowd 0, in all images
 * @param precisionAt50 its precision-recall curve at IoU .50: the interpolated precision at each of the 101 recall
 *                      thresholds (0, .01, ..., 1), NaN where pycocotools has -1
 */
public record ClassResult(Category category, double ap, double ap50, double ap75, double ar100, int numGtNonCrowd,
                          double[] precisionAt50) {
    /** Whether the category has any number: pycocotools' per-class cells are all -1 or none is. */
    public boolean defined() {
        return !Double.isNaN(ap);
    }
}
