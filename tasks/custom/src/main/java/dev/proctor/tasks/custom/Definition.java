package dev.proctor.tasks.custom;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.api.task.mc.FewShotSampling;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.datafiles.AnswerFormat;
import java.util.List;

/**
 * A custom task definition as written in its file; {@code null} marks a key left out. Jackson binds these
 * records and rejects any key not declared here.
 */
record Definition(
        String name,
        String description,
        Data data,
        JsonNode subjects,
        Templates templates,
        FewShotSampling fewShotSampling) {

    /**
     * @param path         file of a subject's split relative to the data directory, with {@code {split}} and
     *                     {@code {subject}} ({@code "{split}/{subject}.csv"}); {@code .csv} or {@code .jsonl}
     * @param header       CSV only: whether the first row names the columns (default true); without one, the
     *                     columns below are 0-based positions
     * @param question     question column or key (default {@code question})
     * @param choices      choice columns or keys, in letter order (default {@code A, B, C, D}); for JSON Lines a
     *                     single key may hold an array of choices
     * @param answer       answer column or key (default {@code answer})
     * @param answerFormat {@code letter} (A = first choice, the default) or {@code index} (0-based)
     */
    record Data(String path, Boolean header, String question, List<String> choices, String answer,
                AnswerFormat answerFormat) {
    }

    record Templates(TemplateSpec official, @JsonProperty("lm-eval") TemplateSpec lmEval) {
    }

    /** Every key optional; a missing one takes lm-eval's MMLU value. */
    record TemplateSpec(String header, String questionPrefix, String optionLine, String answerCue,
                        String answerDelimiter, String shotSuffix, Boolean stripQuestion, List<String> letters,
                        McTemplate.AnswerStyle answerStyle) {
    }

    record SubjectSpec(String name, String displayName, List<String> categories) {
    }
}
