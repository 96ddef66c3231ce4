package dev.proctor.api;

/** Base of every error Proctor reports to a user: the message alone must say what went wrong and what to do. */
public class ProctorException extends RuntimeException {
    public ProctorException(String message) {
        super(message);
    }

    public ProctorException(String message, Throwable cause) {
        super(message, cause);
    }
}
