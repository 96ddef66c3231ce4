package dev.proctor.stats.io;

import java.util.List;

/**
 * A subject row of a run's {@code results.json}.
 *
 * @param task            task name
 * @param subject         subject name
 * @param n               questions
 * @param acc             accuracy as the run reported it
 * @param goldBitsPerByte mean bits per byte of the gold continuations
 * @param categories      the subject's categories when results.json lists them (empty otherwise)
 */
public record SubjectInfo(String task, String subject, int n, double acc, double goldBitsPerByte,
                          List<String> categories) {
    public SubjectInfo {
        categories = List.copyOf(categories);
    }
}
