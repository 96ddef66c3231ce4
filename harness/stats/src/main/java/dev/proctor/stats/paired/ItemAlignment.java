package dev.proctor.stats.paired;

import dev.proctor.api.ProctorException;
import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.ItemOutcome;
import dev.proctor.stats.io.RunData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pairs two runs item by item. A paired test on runs that do not share their items would compare different
 * questions, so a mismatch is refused with what differs: the counts, the first ids found on one side only, or an
 * item whose gold answer or subject differs (the same id over different data).
 */
public final class ItemAlignment {
    private static final int SHOWN = 5;

    private ItemAlignment() {
    }

    public static AlignedItems align(String nameA, RunData a, String nameB, RunData b, ItemMetric metric) {
        Map<String, ItemOutcome> byA = a.byKey();
        Map<String, ItemOutcome> byB = b.byKey();
        List<String> onlyA = byA.keySet().stream().filter(k -> !byB.containsKey(k)).toList();
        List<String> onlyB = byB.keySet().stream().filter(k -> !byA.containsKey(k)).toList();
        if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
            throw new ProctorException("the runs do not hold the same items, so they cannot be compared item by item: "
                    + nameA + " has " + byA.size() + " items, " + nameB + " has " + byB.size() + "; "
                    + describe(onlyA, nameA) + "; " + describe(onlyB, nameB)
                    + ". Evaluate both on the same tasks, split and --limit.");
        }
        List<String> keys = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        double[] va = new double[byA.size()];
        double[] vb = new double[byA.size()];
        int i = 0;
        for (ItemOutcome x : byA.values()) {
            ItemOutcome y = byB.get(x.key());
            if (!x.gold().equals(y.gold()) || !x.subject().equals(y.subject())) {
                throw new ProctorException("item " + x.key() + " differs between the runs (" + nameA + ": subject "
                        + x.subject() + ", gold " + x.gold() + "; " + nameB + ": subject " + y.subject() + ", gold "
                        + y.gold() + "): they read different data under the same ids");
            }
            keys.add(x.key());
            tasks.add(x.task());
            subjects.add(x.subject());
            va[i] = metric.value(x);
            vb[i] = metric.value(y);
            i++;
        }
        return new AlignedItems(keys, tasks, subjects, va, vb);
    }

    private static String describe(List<String> only, String name) {
        if (only.isEmpty()) {
            return "none only in " + name;
        }
        return only.size() + " only in " + name + " (first: "
                + String.join(", ", only.subList(0, Math.min(SHOWN, only.size()))) + ")";
    }
}
