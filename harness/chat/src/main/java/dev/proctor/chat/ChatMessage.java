package dev.proctor.chat;

import java.util.Objects;

/**
 * One turn of a conversation, as chat templates read it.
 *
 * @param role    {@code system}, {@code user} or {@code assistant}
 * @param content the turn's text
 */
public record ChatMessage(String role, String content) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
