package dev.proctor.api.task;

import java.util.Objects;

/**
 * One turn of a conversation a task puts to a chat model.
 *
 * @param role    {@code system}, {@code user} or {@code assistant}
 * @param content the turn's text
 */
public record ChatTurn(String role, String content) {
    public ChatTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
