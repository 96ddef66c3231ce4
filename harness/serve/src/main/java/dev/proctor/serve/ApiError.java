package dev.proctor.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the server refuses, answered in vLLM's error envelope
 * {@code {"error": {"message", "type", "param", "code"}}}, {@code code} being the integer HTTP status as vLLM sends it.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String type;
    private final String param;

    public ApiError(int status, String type, String param, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
    }

    /** 400 BadRequestError, vLLM's answer to anything it cannot validate. */
    public static ApiError badRequest(String param, String message) {
        return new ApiError(400, "BadRequestError", param, message);
    }

    public int status() {
        return status;
    }

    ObjectNode envelope() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", getMessage());
        error.put("type", type);
        if (param == null) {
            error.putNull("param");
        } else {
            error.put("param", param);
        }
        error.put("code", status);
        return root;
    }
}
