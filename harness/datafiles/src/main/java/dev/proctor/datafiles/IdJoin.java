package dev.proctor.datafiles;

import dev.proctor.api.ProctorException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Gold items and another system's predictions joined by id, for every {@code proctor score} command. The official
 * scorers join with an inner merge and so drop, silently, a prediction without a gold item and a gold item without a
 * prediction; here both are refused, naming the first ids, unless only the ids in both are asked for, and then what
 * was left out is counted.
 *
 * @param ids                    the ids in both files, in gold order
 * @param goldWithoutPrediction  gold items left out for want of a prediction (0 unless the intersection was asked for)
 * @param predictionsWithoutGold predictions left out for want of a gold item (likewise)
 */
public record IdJoin(List<String> ids, int goldWithoutPrediction, int predictionsWithoutGold) {
    /** How many stray ids a refusal names. */
    private static final int NAMED = 10;

    public IdJoin {
        ids = List.copyOf(ids);
    }

    /**
     * @param goldIds      the gold file's ids, in file order
     * @param predictedIds the predictions file's ids
     * @param intersection score only the ids in both instead of refusing strays
     * @param official     what the reference scorer does with strays, for the refusal ("the official scorer leaves
     *                     these out silently")
     * @throws ProctorException naming strays (unless {@code intersection}), or when no id is in both files
     */
    public static IdJoin of(Path gold, Set<String> goldIds, Path predictions, Set<String> predictedIds,
                            boolean intersection, String official) {
        List<String> unpredicted = goldIds.stream().filter(id -> !predictedIds.contains(id)).toList();
        List<String> ungolded = predictedIds.stream().filter(id -> !goldIds.contains(id)).toList();
        if (!intersection && !(unpredicted.isEmpty() && ungolded.isEmpty())) {
            throw new ProctorException(stray(unpredicted, "gold items have no prediction in " + predictions)
                    + stray(ungolded, "predictions have no gold item in " + gold)
                    + official + "; score only the ids in both with --intersection");
        }
        List<String> ids = goldIds.stream().filter(predictedIds::contains).toList();
        if (ids.isEmpty()) {
            throw new ProctorException("no id is in both " + gold + " and " + predictions + ": nothing to score");
        }
        return new IdJoin(ids, unpredicted.size(), ungolded.size());
    }

    private static String stray(List<String> ids, String what) {
        if (ids.isEmpty()) {
            return "";
        }
        return ids.size() + " " + what + " (" + String.join(", ", ids.subList(0, Math.min(NAMED, ids.size())))
                + (ids.size() > NAMED ? ", ..." : "") + "); ";
    }
}
