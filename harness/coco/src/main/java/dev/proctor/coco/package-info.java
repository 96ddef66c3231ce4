/**
 * Object-detection scoring exactly as pycocotools' {@code COCOeval(iouType='bbox')} scores bounding boxes, rule for
 * rule and, on every case checked, bit for bit: COCO ground truth and detections, IoU thresholds
 * {@code np.linspace(.5, .95, 10)}, 101-point interpolated precision, maxDets 1/10/100 per image and category, area
 * ranges on the ground truth's area field, crowd boxes (intersection over the detection) and ignore flags.
 *
 * <p>Start at {@link dev.proctor.coco.CocoEval#evaluate}: it groups boxes and detections by image and category,
 * matches them per area range ({@code ImageCategory}: computeIoU + evaluateImg; {@link dev.proctor.coco.ImageResult}
 * holds one image's, so that a resample of images is only accumulated again), accumulates precision and recall
 * ({@code Accumulation}), and summarizes them ({@link dev.proctor.coco.Stat}, the twelve numbers, and
 * {@link dev.proctor.coco.ClassResult}, per category) into a {@link dev.proctor.coco.CocoEvaluation}. What
 * pycocotools gives as -1 (no ground truth counts) is NaN here. Values are records: {@link dev.proctor.coco.Box},
 * {@link dev.proctor.coco.Annotation}, {@link dev.proctor.coco.Detection}, {@link dev.proctor.coco.Category},
 * {@link dev.proctor.coco.GroundTruth}. The files and the JSON output are in {@link dev.proctor.coco.io}.
 */
package dev.proctor.coco;
