package dev.proctor.coco;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What COCOeval's evaluate, accumulate and summarize give for bounding boxes, plus the per-class numbers. A value
 * pycocotools gives as -1 (no ground truth counts) is NaN here.
 *
 * @param stats           the twelve summary numbers
 * @param perClass        every category of the ground truth, in id order
 * @param meanOfPerClassAp the mean of the defined per-class APs (equal to AP: both average the same cells)
 * @param notes           what the reader should know about how these inputs were scored
 */
public record CocoEvaluation(Map<Stat, Double> stats, List<ClassResult> perClass, double meanOfPerClassAp,
                             Counts counts, List<String> notes) {
    public CocoEvaluation {
        stats = Collections.unmodifiableMap(new EnumMap<>(stats));
        perClass = List.copyOf(perClass);
        notes = List.copyOf(notes);
    }

    /** How much was scored. */
    public record Counts(int images, int categories, int annotations, int detections) {
    }

    public double stat(Stat s) {
        return stats.get(s);
    }

    /** The twelve lines COCOeval.summarize prints, character for character (-1.000 where undefined). */
    public List<String> summarizeLines() {
        List<String> lines = new ArrayList<>();
        for (Stat s : Stat.values()) {
            lines.add(s.line(stat(s)));
        }
        return lines;
    }
}
