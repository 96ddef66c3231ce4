package dev.proctor.api.task;

import dev.proctor.api.ProctorException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What the user asked of every task in a run. Each task reads the settings that apply to it (a retrieval task
 * has no prompt format) and says in its {@link Task#describeSettings} what it used.
 *
 * @param split   the evaluated split
 * @param shots   few-shot examples requested
 * @param limit   at most this many items per subject, in file order
 * @param format  prompt convention
 * @param scoring how multiple-choice items are put to the model
 * @param seed    seed of every random choice
 * @param args    task options ({@code --task-arg KEY=VALUE}); each task takes the keys it declares
 * @param chat    how prompts are put to a chat model ({@code --apply-chat-template}); empty for plain prompts
 */
public record TaskSettings(Split split, int shots, OptionalInt limit, PromptFormat format, ScoringMode scoring,
                           long seed, Map<String, String> args, Optional<ChatPrompting> chat) {
    /** Plain prompts, no chat template. */
    public TaskSettings(Split split, int shots, OptionalInt limit, PromptFormat format, ScoringMode scoring, long seed,
                        Map<String, String> args) {
        this(split, shots, limit, format, scoring, seed, args, Optional.empty());
    }

    public TaskSettings {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(scoring, "scoring");
        args = Map.copyOf(new TreeMap<>(args));
        if (shots < 0) {
            throw new ProctorException("--shots must be 0 or more, was " + shots);
        }
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new ProctorException("--limit must be 1 or more, was " + limit.getAsInt());
        }
    }

    /** A task option, or {@code fallback} when not given. */
    public String arg(String key, String fallback) {
        return args.getOrDefault(key, fallback);
    }

    /** An integer task option, or {@code fallback}; anything else is an error naming the option. */
    public int intArg(String key, int fallback, int min) {
        String value = args.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v < min) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ProctorException("--task-arg " + key + "=" + value + ": expected an integer >= " + min);
        }
    }
}
