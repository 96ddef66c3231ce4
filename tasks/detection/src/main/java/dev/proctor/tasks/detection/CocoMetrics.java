package dev.proctor.tasks.detection;

import dev.proctor.api.metric.Aggregation;
import dev.proctor.api.metric.CorpusMetric;
import dev.proctor.api.metric.LastDraw;
import dev.proctor.api.metric.MetricSpec;
import dev.proctor.api.metric.Metrics;
import dev.proctor.api.task.ItemScore;
import dev.proctor.coco.Annotation;
import dev.proctor.coco.Box;
import dev.proctor.coco.Category;
import dev.proctor.coco.ClassResult;
import dev.proctor.coco.CocoEval;
import dev.proctor.coco.CocoEvaluation;
import dev.proctor.coco.CocoParams;
import dev.proctor.coco.Detection;
import dev.proctor.coco.ImageResult;
import dev.proctor.coco.Stat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The twelve COCOeval numbers as corpus metrics (AP the main one), each with a bootstrap interval over images, and
 * per subject the per-class table and each class's precision-recall points at IoU .50. A set of items is scored as a
 * COCO data set of its own whose images are the items in order, so an image drawn twice by the bootstrap counts
 * twice, as a resample of images means. Each item's image is matched once (evaluateImg) and kept; a draw only
 * accumulates them, and the twelve metrics of one draw (asked for one after the other) share that accumulation.
 */
final class CocoMetrics {
    static final String GT = "gt";
    static final String DT = "dt";
    static final String CATEGORIES = "categories";

    private final Map<ItemScore, ImageResult> images = new IdentityHashMap<>();
    private final LastDraw<CocoEvaluation> draw = new LastDraw<>(this::accumulate);

    static Metrics of() {
        CocoMetrics m = new CocoMetrics();
        List<MetricSpec> specs = new ArrayList<>();
        Map<String, CorpusMetric> corpus = new LinkedHashMap<>();
        for (Stat s : Stat.values()) {
            specs.add(new MetricSpec(s.key(), Aggregation.CORPUS, true, false, "COCOeval (bbox) " + s.line(0)
                    .replaceAll("\\s*=\\s*0\\.000$", "").strip() + ", pycocotools-exact"));
            corpus.put(s.key(), items -> m.evaluate(items).stat(s));
        }
        return new Metrics(Stat.values()[0].key(), specs, corpus, Optional.of(m::figures));
    }

    private CocoEvaluation evaluate(List<ItemScore> items) {
        return draw.get(items);
    }

    private synchronized CocoEvaluation accumulate(List<ItemScore> items) {
        List<Category> categories = categories(items);
        List<ImageResult> evaluated = new ArrayList<>(items.size());
        for (ItemScore item : items) {
            evaluated.add(images.computeIfAbsent(item, i -> image(categories, i)));
        }
        return CocoEval.accumulate(categories, evaluated);
    }

    private Map<String, Object> figures(List<ItemScore> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return m;
        }
        CocoEvaluation e = evaluate(items);
        List<Map<String, Object>> perClass = new ArrayList<>();
        Map<String, Object> curves = new LinkedHashMap<>();
        for (ClassResult c : e.perClass()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category", c.category().name());
            row.put("AP", c.defined() ? c.ap() : null);
            row.put("AP50", c.defined() ? c.ap50() : null);
            row.put("AP75", c.defined() ? c.ap75() : null);
            row.put("AR100", c.defined() ? c.ar100() : null);
            row.put("boxes", c.numGtNonCrowd());
            perClass.add(row);
            List<Double> precision = new ArrayList<>();
            for (double p : c.precisionAt50()) {
                precision.add(Double.isNaN(p) ? null : p);
            }
            curves.put(c.category().name(), precision);
        }
        m.put("perClass", perClass);
        Map<String, Object> pr = new LinkedHashMap<>();
        pr.put("iou", 0.5);
        pr.put("area", "all");
        pr.put("maxDets", 100);
        pr.put("recall", CocoParams.recallThresholds());
        pr.put("precision", curves);
        m.put("precisionRecall", pr);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Category> categories(List<ItemScore> items) {
        List<Category> categories = new ArrayList<>();
        if (!items.isEmpty()) {
            ((Map<String, Number>) items.get(0).details().get(CATEGORIES))
                    .forEach((name, id) -> categories.add(new Category(id.longValue(), name)));
        }
        categories.sort(Comparator.comparingLong(Category::id));
        return categories;
    }

    /** The item as an image of its own: its boxes and detections as it stored them (image id 1). */
    @SuppressWarnings("unchecked")
    private static ImageResult image(List<Category> categories, ItemScore item) {
        List<Annotation> gts = new ArrayList<>();
        for (List<Number> a : (List<List<Number>>) item.details().get(GT)) {
            gts.add(new Annotation(gts.size() + 1, 1, a.get(0).longValue(), box(a, 1), a.get(5).doubleValue(),
                    a.get(6).intValue() != 0));
        }
        List<Detection> dts = new ArrayList<>();
        for (List<Number> d : (List<List<Number>>) item.details().get(DT)) {
            dts.add(new Detection(dts.size() + 1, 1, d.get(0).longValue(), box(d, 2), d.get(1).doubleValue()));
        }
        return CocoEval.evaluateImage(categories, gts, dts);
    }

    private static Box box(List<Number> row, int from) {
        return new Box(row.get(from).doubleValue(), row.get(from + 1).doubleValue(), row.get(from + 2).doubleValue(),
                row.get(from + 3).doubleValue());
    }
}
