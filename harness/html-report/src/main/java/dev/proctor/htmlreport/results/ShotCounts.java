package dev.proctor.htmlreport.results;

/**
 * The few-shot examples the items of one subject actually had ({@code facts.shotsUsed} in samples.jsonl): fewer
 * than asked for where examples were dropped to fit the context.
 */
public record ShotCounts(int min, int max, int items, int dropped) {
    ShotCounts add(int used, int droppedShots) {
        return new ShotCounts(items == 0 ? used : Math.min(min, used), items == 0 ? used : Math.max(max, used),
                items + 1, dropped + droppedShots);
    }

    static ShotCounts none() {
        return new ShotCounts(0, 0, 0, 0);
    }

    /** {@code 5} or {@code 3-5}. */
    public String text() {
        return min == max ? String.valueOf(min) : min + "-" + max;
    }
}
