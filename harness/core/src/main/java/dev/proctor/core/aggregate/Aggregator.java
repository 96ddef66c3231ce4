package dev.proctor.core.aggregate;

import dev.proctor.core.result.Averaging;
import dev.proctor.core.result.GroupScore;
import dev.proctor.core.result.ItemResult;
import dev.proctor.core.result.SubjectScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes scores from item results alone, so a report can be rebuilt from the store without the model. */
public final class Aggregator {
    private Aggregator() {
    }

    /**
     * @param categoriesBySubjectKey {@code task/subject} to its categories; a subject missing here belongs only to
     *                               its task's overall group
     */
    public static Summary aggregate(List<ItemResult> results, Map<String, List<String>> categoriesBySubjectKey) {
        Map<String, List<ItemResult>> bySubject = new LinkedHashMap<>();
        for (ItemResult r : results) {
            bySubject.computeIfAbsent(r.task() + "/" + r.subject(), k -> new ArrayList<>()).add(r);
        }
        List<SubjectScore> subjects = new ArrayList<>();
        // task -> group -> member subjects, both in order of first appearance
        Map<String, Map<String, List<SubjectScore>>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, List<ItemResult>> e : bySubject.entrySet()) {
            SubjectScore score = score(e.getValue());
            subjects.add(score);
            Map<String, List<SubjectScore>> taskGroups = groups.computeIfAbsent(score.task(), t -> new LinkedHashMap<>());
            for (String category : categoriesBySubjectKey.getOrDefault(e.getKey(), List.of())) {
                taskGroups.computeIfAbsent(category, c -> new ArrayList<>()).add(score);
            }
        }
        List<GroupScore> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<SubjectScore>>> task : groups.entrySet()) {
            for (Map.Entry<String, List<SubjectScore>> g : task.getValue().entrySet()) {
                out.add(macro(task.getKey(), g.getKey(), g.getValue()));
                out.add(micro(task.getKey(), g.getKey(), g.getValue()));
            }
            List<SubjectScore> all = subjects.stream().filter(s -> s.task().equals(task.getKey())).toList();
            out.add(macro(task.getKey(), GroupScore.OVERALL, all));
            out.add(micro(task.getKey(), GroupScore.OVERALL, all));
        }
        return new Summary(subjects, out);
    }

    static SubjectScore score(List<ItemResult> items) {
        int n = items.size();
        int correct = 0;
        int correctNorm = 0;
        int correctBytes = 0;
        double bpb = 0;
        for (ItemResult r : items) {
            correct += r.correct() ? 1 : 0;
            correctNorm += r.correctNorm() ? 1 : 0;
            correctBytes += r.correctBytes() ? 1 : 0;
            bpb += r.goldBitsPerByte();
        }
        double p = (double) correct / n;
        ItemResult first = items.get(0);
        return new SubjectScore(first.task(), first.subject(), n, p,
                n > 1 ? Math.sqrt(p * (1 - p) / (n - 1)) : Double.NaN,
                Math.sqrt(p * (1 - p) / n),
                (double) correctNorm / n, (double) correctBytes / n, bpb / n);
    }

    /** Plain mean of subject accuracies; se = sqrt(sum se_i^2) / k. */
    static GroupScore macro(String task, String group, List<SubjectScore> members) {
        int k = members.size();
        double sum = 0;
        double variance = 0;
        int n = 0;
        for (SubjectScore s : members) {
            sum += s.accuracy();
            variance += s.stderrLmEval() * s.stderrLmEval();
            n += s.n();
        }
        return new GroupScore(task, group, Averaging.MACRO, k, n, sum / k, Math.sqrt(variance) / k);
    }

    /** Mean over questions; lm-eval's pooled_sample_stderr sqrt(sum (n_i-1) n_i se_i^2 / (N-k) / N). */
    static GroupScore micro(String task, String group, List<SubjectScore> members) {
        int k = members.size();
        long correct = 0;
        double pooled = 0;
        int n = 0;
        for (SubjectScore s : members) {
            correct += Math.round(s.accuracy() * s.n()); // exact: accuracy is correct / n
            pooled += (s.n() - 1.0) * s.n() * s.stderrLmEval() * s.stderrLmEval();
            n += s.n();
        }
        return new GroupScore(task, group, Averaging.MICRO, k, n, (double) correct / n, Math.sqrt(pooled / (n - k) / n));
    }
}
