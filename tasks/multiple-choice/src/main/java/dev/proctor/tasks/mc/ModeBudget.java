package dev.proctor.tasks.mc;

import dev.proctor.api.task.ScoringMode;
import dev.proctor.lm.ContextEncoding;
import java.util.List;

/**
 * What a prompt costs the model under a scoring mode, measured with the model's own tokenizer and the very rules
 * the language-model backend applies ({@link ContextEncoding}): letter scoring sends the context; log-likelihood
 * scoring the longest {@code (context + continuation)[:-1]}; generation the context and its new tokens.
 */
final class ModeBudget implements ContextBudget {
    private final ContextEncoding encoding;
    private final ScoringMode mode;
    private final int maxNewTokens;

    ModeBudget(ContextEncoding encoding, ScoringMode mode, int maxNewTokens) {
        this.encoding = encoding;
        this.mode = mode;
        this.maxNewTokens = maxNewTokens;
    }

    @Override
    public int maxTokens() {
        return encoding.maxContextLength();
    }

    @Override
    public int encodedLength(String text) {
        return encoding.encodeDefault(text).length;
    }

    @Override
    public int inputTokens(String context, List<String> continuations) {
        return switch (mode) {
            case LETTER -> encoding.scoredInputTokens(context, continuations.get(0), true);
            case LOGLIK -> continuations.stream()
                    .mapToInt(c -> encoding.scoredInputTokens(context, c, false)).max().orElse(0);
            case GENERATE -> encoding.generationInputTokens(context, maxNewTokens);
        };
    }
}
