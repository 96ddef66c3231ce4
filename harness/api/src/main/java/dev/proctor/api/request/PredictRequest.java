package dev.proctor.api.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One input to label: a text (machine-generated text detection, classification) or an image file (object
 * detection), which the request names by its SHA-256 so the same image is never predicted twice.
 *
 * @param text        the text, or null for an image
 * @param image       the image file's path, or null for a text
 * @param imageSha256 the image file's SHA-256, or null for a text
 */
public record PredictRequest(String text, String image, String imageSha256) implements Request {
    public PredictRequest {
        if ((text == null) == (image == null)) {
            throw new IllegalArgumentException("a prediction takes a text or an image, exactly one");
        }
        if (image != null) {
            Objects.requireNonNull(imageSha256, "imageSha256");
        }
    }

    public static PredictRequest ofText(String text) {
        return new PredictRequest(Objects.requireNonNull(text, "text"), null, null);
    }

    public static PredictRequest ofImage(String image, String sha256) {
        return new PredictRequest(null, Objects.requireNonNull(image, "image"), sha256);
    }

    @Override
    public RequestKind<PredictRequest, Prediction> kind() {
        return RequestKind.PREDICT;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (text != null) {
            m.put("text", text);
        } else {
            m.put("imageSha256", imageSha256);
        }
        return m;
    }
}
