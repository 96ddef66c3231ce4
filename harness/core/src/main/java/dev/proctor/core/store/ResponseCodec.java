package dev.proctor.core.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.api.request.Embedding;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * How responses are kept in the store: embeddings as little-endian float32 bytes (exact, and a tenth the size of
 * text), everything else as JSON of the response record (doubles written shortest-round-trip, so they read back
 * bit for bit; -Infinity as a string).
 */
final class ResponseCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResponseCodec() {
    }

    static byte[] encode(Response response) {
        if (response instanceof Embedding e) {
            ByteBuffer buffer = ByteBuffer.allocate(4 * e.vector().length).order(ByteOrder.LITTLE_ENDIAN);
            for (float x : e.vector()) {
                buffer.putFloat(x);
            }
            return buffer.array();
        }
        try {
            return JSON.writeValueAsBytes(response);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a " + response.getClass().getSimpleName() + ": " + e, e);
        }
    }

    static <A extends Response> A decode(RequestKind<?, A> kind, byte[] body, String where) {
        if (kind == RequestKind.EMBED) {
            ByteBuffer buffer = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[body.length / 4];
            for (int i = 0; i < v.length; i++) {
                v[i] = buffer.getFloat();
            }
            return kind.castResponse(new Embedding(v));
        }
        try {
            return JSON.readValue(body, kind.responseType());
        } catch (IOException | RuntimeException e) {
            throw new ProctorException(where + ": a stored " + kind.id() + " response cannot be read ("
                    + e.getMessage() + "): " + new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8),
                    e);
        }
    }
}
