package dev.proctor.core.aggregate;

import dev.proctor.core.result.GroupScore;
import dev.proctor.core.result.SubjectScore;
import java.util.List;

/**
 * @param subjects in order of first appearance in the results
 * @param groups   per task: categories in order of first appearance, then {@link GroupScore#OVERALL}; each MACRO
 *                 then MICRO
 */
public record Summary(List<SubjectScore> subjects, List<GroupScore> groups) {
    public Summary {
        subjects = List.copyOf(subjects);
        groups = List.copyOf(groups);
    }
}
