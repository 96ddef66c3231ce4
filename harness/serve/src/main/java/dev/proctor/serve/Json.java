package dev.proctor.serve;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One JSON mapper for requests and responses; log-probabilities are clamped finite before they are written. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
