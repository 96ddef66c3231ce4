package dev.proctor.model.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The DJL steps every Proctor model takes, language model or retrieval encoder: start the engine by name (never
 * DJL's default), and load one model file as a raw NDList-in, NDList-out block on a chosen device. Failures are
 * user errors naming the engine, the file and the device.
 */
public final class DjlLoading {
    private DjlLoading() {
    }

    /** The DJL engine {@code engineName} ({@code OnnxRuntime}, {@code PyTorch}), started. */
    public static Engine engine(String engineName) {
        try {
            return Engine.getEngine(engineName);
        } catch (RuntimeException | LinkageError e) {
            throw new ProctorException("the DJL engine " + engineName + " cannot start: " + e.getMessage()
                    + " (DJL engines available: " + Engine.getAllEngines() + ")", e);
        }
    }

    /**
     * @param modelFile  the model file ({@code model.onnx}, {@code model.pt}); DJL finds it by folder and stem
     * @param engineName the DJL engine to run it
     * @param device     where to load it
     * @param options    engine-specific loading options passed to {@link Criteria.Builder#optOption}
     */
    public static ZooModel<NDList, NDList> load(Path modelFile, String engineName, Device device,
                                                Map<String, String> options) {
        String fileName = modelFile.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        Criteria.Builder<NDList, NDList> builder = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(modelFile.toAbsolutePath().getParent())
                .optModelName(dot > 0 ? fileName.substring(0, dot) : fileName)
                .optEngine(engineName)
                .optDevice(device)
                .optTranslator(new NoopTranslator());
        options.forEach(builder::optOption);
        try {
            return builder.build().loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new ProctorException("cannot load " + modelFile.toAbsolutePath() + " with the " + engineName
                    + " engine on " + DeviceResolver.describe(device) + ": " + e.getMessage(), e);
        }
    }

    /**
     * DJL's engine and the native library actually loaded, e.g. {@code DJL 0.35.1 OnnxRuntime engine, ONNX Runtime
     * 1.23.2}: for ONNX Runtime DJL reports the version it was built against, which the project overrides, so the
     * runtime itself is asked.
     */
    public static String engineDescription(Engine engine, Device device) {
        String library;
        try {
            library = engine.getEngineName().equals("OnnxRuntime")
                    ? "ONNX Runtime " + ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion()
                    : engine.getEngineName() + " " + engine.getVersion();
        } catch (RuntimeException | LinkageError e) {
            library = engine.getEngineName() + " (version unknown)";
        }
        return "DJL " + Engine.getDjlVersion() + " " + engine.getEngineName() + " engine, " + library;
    }
}
