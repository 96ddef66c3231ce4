package dev.proctor.api.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How prompts are put to a chat model, as lm-evaluation-harness's {@code --apply_chat_template},
 * {@code --system_instruction} and {@code --fewshot_as_multiturn} do it: the task's description (with the system
 * instruction before it) is the system turn, few-shot examples are either one user turn with the question or
 * alternating user and assistant turns, and the answer is scored right after the assistant's opening, with no
 * delimiter before it.
 *
 * @param template           the model's chat template
 * @param systemInstruction  text before the task's description in the system turn
 * @param fewShotAsMultiturn each example a user turn and its answer an assistant turn
 * @param systemInUser       the system turn's text opens the first user turn instead, for templates that refuse a
 *                           system role (lm-evaluation-harness drops the system turn, and the description with it)
 */
public record ChatPrompting(ChatFormat template, Optional<String> systemInstruction, boolean fewShotAsMultiturn,
                            boolean systemInUser) {
    public ChatPrompting {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(systemInstruction, "systemInstruction");
    }

    /** What a report says about it (the template by origin and hash). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("template", template.origin());
        m.put("templateSha256", template.sha256());
        m.put("systemInstruction", systemInstruction.orElse(null));
        m.put("fewShotAsMultiturn", fewShotAsMultiturn);
        m.put("systemInUser", systemInUser);
        return m;
    }
}
