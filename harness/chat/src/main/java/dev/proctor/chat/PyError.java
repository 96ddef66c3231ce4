package dev.proctor.chat;

/**
 * What Python raises while a template renders (TypeError, ValueError, AttributeError, the sandbox's SecurityError),
 * so the render fails as it does in Jinja2. Not an {@link IllegalArgumentException}: Jinjava's method resolver
 * swallows those and renders nothing in their place.
 */
final class PyError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PyError(String message) {
        super(message);
    }
}
