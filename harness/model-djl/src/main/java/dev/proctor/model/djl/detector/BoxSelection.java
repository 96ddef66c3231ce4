package dev.proctor.model.djl.detector;

import dev.proctor.api.request.Prediction.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The documented post-processing of a detector's candidates: score threshold, greedy per-category NMS, top N. */
final class BoxSelection {
    private BoxSelection() {
    }

    /**
     * @param rows candidates {@code [K * 6]}: x, y, w, h, score, category index
     * @return the kept boxes, best first, in input pixels
     */
    static List<Box> select(float[] rows, int offset, int k, DetectorConfig config) {
        List<Integer> order = IntStream.range(0, k).filter(i -> rows[offset + 6 * i + 4] >= config.scoreThreshold())
                .boxed().sorted(Comparator.comparingDouble((Integer i) -> -rows[offset + 6 * i + 4])).toList();
        List<Integer> kept = new ArrayList<>();
        for (int i : order) {
            if (kept.size() == config.maxDetections()) {
                break;
            }
            boolean suppressed = false;
            for (int j : kept) {
                if (category(rows, offset, j) == category(rows, offset, i)
                        && iou(rows, offset + 6 * i, offset + 6 * j) > config.nmsIou()) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(i);
            }
        }
        List<Box> boxes = new ArrayList<>(kept.size());
        for (int i : kept) {
            int c = category(rows, offset, i);
            if (c < 0 || c >= config.categories().size()) {
                throw new IllegalArgumentException("the detector gave category index " + rows[offset + 6 * i + 5]
                        + "; it has " + config.categories().size() + " categories");
            }
            int r = offset + 6 * i;
            boxes.add(new Box(config.categories().get(c), rows[r + 4], rows[r], rows[r + 1], rows[r + 2], rows[r + 3]));
        }
        return boxes;
    }

    private static int category(float[] rows, int offset, int i) {
        return Math.round(rows[offset + 6 * i + 5]);
    }

    /** IoU of two x, y, w, h boxes; 0 when both are empty. */
    static double iou(float[] rows, int a, int b) {
        double ix = Math.max(0, Math.min(rows[a] + rows[a + 2], rows[b] + rows[b + 2]) - Math.max(rows[a], rows[b]));
        double iy = Math.max(0, Math.min(rows[a + 1] + rows[a + 3], rows[b + 1] + rows[b + 3])
                - Math.max(rows[a + 1], rows[b + 1]));
        double inter = ix * iy;
        double union = (double) rows[a + 2] * rows[a + 3] + (double) rows[b + 2] * rows[b + 3] - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
