package dev.proctor.coco;

import java.util.Objects;

/**
 * A scored box: one entry of a COCO results file. {@code id} is the entry's 1-based position in the file, which is
 * what coco.py {@code loadRes} assigns (any id, area or iscrowd in the file is replaced).
 */
public record Detection(long id, long imageId, long categoryId, Box box, double score) {
    public Detection {
        Objects.requireNonNull(box, "box");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("detection " + id + ": score is not finite: " + score);
        }
        // numpy compares -0.0 and 0.0 equal, so they tie in its stable sort; Double.compare would not.
        score = score + 0.0;
    }

    /** width·height, as loadRes sets it. */
    public double area() {
        return box.area();
    }
}
