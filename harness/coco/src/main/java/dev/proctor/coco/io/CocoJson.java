package dev.proctor.coco.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.coco.AreaRange;
import dev.proctor.coco.ClassResult;
import dev.proctor.coco.CocoEvaluation;
import dev.proctor.coco.CocoParams;
import dev.proctor.coco.Stat;

/**
 * A COCO evaluation as JSON: the twelve numbers under their short names (AP ... ARl), per_class by category id,
 * the parameters and the lines pycocotools prints. A number pycocotools gives as -1 is null here, with the reason
 * under {@code undefined} beside it, as every Proctor report marks numbers that cannot be computed.
 */
public final class CocoJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the numbers are, for a reader of the JSON alone. */
    public static final String CONVENTIONS = "pycocotools COCOeval(iouType='bbox') with default Params, rule for"
            + " rule: IoU on continuous boxes (crowd ground truth: intersection over the detection's area), IoU"
            + " thresholds np.linspace(.5, .95, 10), 101 recall points, maxDets 1/10/100 per image and category,"
            + " area ranges on the ground truth's area field and the detection's w*h (ends inclusive), greedy"
            + " matching in stable score order, crowd/out-of-range matches ignored, precision envelope read at"
            + " np.searchsorted(side='left'), means over the cells above -1. Every category in the ground truth is"
            + " evaluated; one without a non-crowd box has no numbers (pycocotools: -1; here null, with the reason"
            + " under 'undefined'). per_class: AP, AP50, AP75 and AR100 at area all, maxDets 100.";

    private CocoJson() {
    }

    public static ObjectNode toJson(CocoEvaluation e) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("conventions", CONVENTIONS);
        root.set("params", params());
        CocoEvaluation.Counts c = e.counts();
        root.putObject("counts").put("images", c.images()).put("categories", c.categories())
                .put("annotations", c.annotations()).put("detections", c.detections());
        ObjectNode undefined = MAPPER.createObjectNode();
        for (Stat s : Stat.values()) {
            number(root, s.key(), e.stat(s), undefined, "no category has a ground-truth box that is not crowd with"
                    + " area in " + s.area().interval() + " (area " + s.area().label() + "); pycocotools prints -1");
        }
        ObjectNode perClass = root.putObject("per_class");
        for (ClassResult r : e.perClass()) {
            ObjectNode node = perClass.putObject(Long.toString(r.category().id()));
            node.put("name", r.category().name());
            ObjectNode why = MAPPER.createObjectNode();
            String reason = "category " + r.category().id() + " has no ground-truth box that is not crowd with area"
                    + " in " + AreaRange.ALL.interval() + "; pycocotools gives -1 and leaves it out of every mean";
            number(node, "AP", r.ap(), why, reason);
            number(node, "AP50", r.ap50(), why, reason);
            number(node, "AP75", r.ap75(), why, reason);
            number(node, "AR100", r.ar100(), why, reason);
            node.put("num_gt_non_crowd", r.numGtNonCrowd());
            if (!why.isEmpty()) {
                node.set("undefined", why);
            }
        }
        number(root, "mean_of_per_class_AP", e.meanOfPerClassAp(), undefined, "no category has an AP");
        if (!undefined.isEmpty()) {
            root.set("undefined", undefined);
        }
        e.notes().forEach(root.putArray("notes")::add);
        e.summarizeLines().forEach(root.putArray("summarize_text")::add);
        return root;
    }

    /** The effective parameters, with the thresholds' exact values. */
    public static ObjectNode params() {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("iouType", "bbox");
        ArrayNode iou = p.putArray("iouThrs");
        for (double t : CocoParams.iouThresholds()) {
            iou.add(t);
        }
        p.put("recThrs", "np.linspace(0, 1, 101)");
        ArrayNode maxDets = p.putArray("maxDets");
        for (int m : CocoParams.maxDets()) {
            maxDets.add(m);
        }
        ObjectNode areas = p.putObject("areaRng");
        for (AreaRange a : AreaRange.values()) {
            areas.putArray(a.label()).add(a.lo()).add(a.hi());
        }
        return p;
    }

    /** A number, or null with the reason under {@code undefined} (core's JsonValues rule). */
    private static void number(ObjectNode node, String field, double value, ObjectNode undefined, String reason) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
            undefined.put(field, reason);
        }
    }
}
