package dev.proctor.chat;

import dev.proctor.api.ProctorException;

/** A chat template that cannot be read or rendered exactly; never answered with a partial prompt. */
public final class ChatTemplateException extends ProctorException {
    private static final long serialVersionUID = 1L;

    public ChatTemplateException(String message) {
        super(message);
    }
}
