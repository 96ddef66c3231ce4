package dev.proctor.stats.bootstrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items grouped by subject. The bootstrap resamples questions within each subject, so every resample keeps each
 * subject's size: the macro average (mean of subject accuracies) then varies only as the subjects themselves do.
 *
 * @param names   subject names, in order of first appearance
 * @param members per subject, the item positions it holds
 */
public record Strata(List<String> names, int[][] members) {
    public Strata {
        names = List.copyOf(names);
        if (names.size() != members.length) {
            throw new IllegalArgumentException(names.size() + " names for " + members.length + " strata");
        }
        for (int s = 0; s < members.length; s++) {
            if (members[s].length == 0) {
                throw new IllegalArgumentException("stratum " + names.get(s) + " is empty");
            }
        }
    }

    /** One stratum holding all n items: the plain bootstrap. */
    public static Strata single(String name, int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return new Strata(List.of(name), new int[][] {all});
    }

    /** Strata from each item's label, in order of first appearance. */
    public static Strata byLabel(List<String> labels) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            groups.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
        }
        int[][] members = new int[groups.size()][];
        int s = 0;
        for (List<Integer> g : groups.values()) {
            members[s++] = g.stream().mapToInt(Integer::intValue).toArray();
        }
        return new Strata(new ArrayList<>(groups.keySet()), members);
    }

    public int size() {
        return members.length;
    }

    public int items() {
        int n = 0;
        for (int[] m : members) {
            n += m.length;
        }
        return n;
    }
}
