package dev.proctor.datafiles;

import java.util.List;
import java.util.Objects;

/**
 * Where a multiple-choice row keeps its fields: column names of a CSV header or JSON keys, or, for a CSV
 * file without a header, 0-based column positions written as numbers ({@code "0"}, {@code "5"}).
 *
 * @param question     the question column
 * @param choices      the choice columns, in letter order
 * @param answer       the gold answer column
 * @param answerFormat how the answer is written
 */
public record McColumns(String question, List<String> choices, String answer, AnswerFormat answerFormat) {

    /** CMMLU's {@code ,Question,A,B,C,D,Answer} (the unnamed first column is a row index, ignored). */
    public static final McColumns CMMLU_CSV =
            new McColumns("Question", List.of("A", "B", "C", "D"), "Answer", AnswerFormat.LETTER);

    /** hendrycks/test MMLU rows without a header: question, A, B, C, D, answer letter. */
    public static final McColumns MMLU_CSV =
            new McColumns("0", List.of("1", "2", "3", "4"), "5", AnswerFormat.LETTER);

    /** M3KE's JSON objects {@code {"id", "question", "A", "B", "C", "D", "answer"}}. */
    public static final McColumns M3KE_JSON =
            new McColumns("question", List.of("A", "B", "C", "D"), "answer", AnswerFormat.LETTER);

    /** C-Eval's {@code id,question,A,B,C,D,answer} (dev adds {@code explanation}; test has no answer column). */
    public static final McColumns CEVAL_CSV =
            new McColumns("question", List.of("A", "B", "C", "D"), "answer", AnswerFormat.LETTER);

    public McColumns {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(answerFormat, "answerFormat");
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("a multiple-choice row needs at least one choice column");
        }
    }

    /** Question, choices and answer, in that order: the columns a row must have. */
    public List<String> required() {
        return java.util.stream.Stream.of(List.of(question), choices, List.of(answer))
                .flatMap(List::stream).toList();
    }
}
