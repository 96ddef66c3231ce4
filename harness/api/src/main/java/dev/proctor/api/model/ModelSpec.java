package dev.proctor.api.model;

import dev.proctor.api.ProctorException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the user asked for with {@code --model SCHEME[:LOCATION]}, {@code --device} and {@code --model-arg}.
 *
 * @param scheme   the backend: {@code onnx}, {@code torchscript}, {@code embedded}, {@code bm25}, ...
 * @param location what the backend opens: a directory, an embedded model's name, component specs; may be empty
 * @param device   {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param args     backend options ({@code k1=0.9}); each backend takes the keys it knows
 */
public record ModelSpec(String scheme, String location, String device, Map<String, String> args) {
    public ModelSpec {
        if (scheme == null || scheme.isBlank()) {
            throw new ProctorException("a model spec needs a scheme, e.g. onnx:/models/gpt or bm25");
        }
        location = location == null ? "" : location;
        device = device.strip().toLowerCase(Locale.ROOT);
        if (!device.equals("cpu") && !device.matches("gpu(:\\d+)?")) {
            throw new ProctorException("device '" + device + "' is not one of cpu, gpu, gpu:N");
        }
        args = Map.copyOf(args);
    }

    /** {@code SCHEME:LOCATION} or a bare {@code SCHEME}. */
    public static ModelSpec parse(String spec, String device, Map<String, String> args) {
        String text = spec.strip();
        int colon = text.indexOf(':');
        if (colon == 0 || colon == text.length() - 1) {
            throw new ProctorException("model '" + spec + "' is not of the form SCHEME:LOCATION or SCHEME"
                    + " (e.g. onnx:/models/gpt, embedded:tiny-gpt, bm25)");
        }
        return colon < 0 ? new ModelSpec(text, "", device, args)
                : new ModelSpec(text.substring(0, colon), text.substring(colon + 1), device, args);
    }

    /** The same spec, another location and scheme: a composite model's component. */
    public ModelSpec component(String componentSpec) {
        return parse(componentSpec, device, args);
    }

    /** The location as a file path. */
    public Path path() {
        if (location.isEmpty()) {
            throw new ProctorException("model '" + this + "' needs a path: " + scheme + ":DIR");
        }
        return Path.of(location);
    }

    /** A backend option, if given. */
    public Optional<String> arg(String key) {
        return Optional.ofNullable(args.get(key));
    }

    /** A number option, or {@code fallback}; anything else is an error naming the option. */
    public double doubleArg(String key, double fallback) {
        String v = args.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ProctorException("--model-arg " + key + "=" + v + ": expected a finite number");
        }
    }

    /** An integer option of at least {@code min}, or {@code fallback}. */
    public int intArg(String key, int fallback, int min) {
        String v = args.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min) {
                throw new NumberFormatException();
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ProctorException("--model-arg " + key + "=" + v + ": expected an integer >= " + min);
        }
    }

    /** The backend options in key order, for provenance. */
    public Map<String, String> sortedArgs() {
        return new TreeMap<>(args);
    }

    @Override
    public String toString() {
        return location.isEmpty() ? scheme : scheme + ":" + location;
    }
}
