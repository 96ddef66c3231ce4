package dev.proctor.model.djl.detector;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.BatchStats;
import dev.proctor.api.model.Execution;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.request.PredictRequest;
import dev.proctor.api.request.Prediction;
import dev.proctor.api.request.Request;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.request.Response;
import dev.proctor.datafiles.Sha256;
import dev.proctor.model.djl.DeviceResolver;
import dev.proctor.model.djl.DjlLoading;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * An object detector exported to ONNX, run by ONNX Runtime, answering image predictions with boxes
 * ({@link DetectorConfig} documents the contract). Images are decoded with the JDK's ImageIO (PNG, JPEG, BMP, GIF);
 * a file that is missing or does not decode is an error naming it. A forward pass takes at most {@code batch}
 * images ({@code --model-arg batch=N}, default {@value #DEFAULT_BATCH}); the boxes do not depend on it.
 */
public final class ObjectDetectorModel implements Model {
    static final String ENGINE = "OnnxRuntime";
    /** The model argument: images per forward pass. */
    public static final String BATCH_ARG = "batch";
    static final int DEFAULT_BATCH = 16;

    private final ZooModel<NDList, NDList> model;
    private final DetectorConfig config;
    private final ModelInfo info;
    private final int batch;

    private ObjectDetectorModel(ZooModel<NDList, NDList> model, DetectorConfig config, ModelInfo info, int batch) {
        this.model = model;
        this.config = config;
        this.info = info;
        this.batch = batch;
    }

    /**
     * Opens {@code dir}: one {@code .onnx} file and {@code detector.json}, on the spec's device.
     *
     * @throws ProctorException if the spec has a model argument other than {@value #BATCH_ARG}
     */
    public static ObjectDetectorModel open(Path dir, String name, ModelSpec spec) {
        Set<String> other = new TreeSet<>(spec.args().keySet());
        other.remove(BATCH_ARG);
        if (!other.isEmpty()) {
            throw new ProctorException("--model-arg " + String.join(", ", other) + ": the object detector " + name
                    + " takes only " + BATCH_ARG + " (images per forward pass)");
        }
        int batch = spec.intArg(BATCH_ARG, DEFAULT_BATCH, 1);
        String device = spec.device();
        Path onnx = onnxFile(dir);
        DetectorConfig config = DetectorConfig.read(dir.resolve(DetectorConfig.FILE));
        Engine engine = DjlLoading.engine(ENGINE);
        Device resolved = DeviceResolver.resolve(device, engine);
        ZooModel<NDList, NDList> model = DjlLoading.load(onnx, ENGINE, resolved, Map.of());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("modelSha256", Sha256.of(onnx));
        identity.put("configSha256", Sha256.of(dir.resolve(DetectorConfig.FILE)));
        identity.put("categories", config.categories());
        identity.put("scoreThreshold", config.scoreThreshold());
        identity.put("nmsIou", config.nmsIou());
        identity.put("maxDetections", config.maxDetections());
        ModelInfo info = new ModelInfo(name, "object detector", DjlLoading.engineDescription(engine, resolved),
                DeviceResolver.describe(resolved), identity);
        return new ObjectDetectorModel(model, config, info, batch);
    }

    private static Path onnxFile(Path dir) {
        try (var files = Files.list(dir)) {
            List<Path> onnx = files.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().toList();
            if (onnx.size() != 1) {
                throw new ProctorException("an object detector folder holds one .onnx file; " + dir + " holds "
                        + onnx.size());
            }
            return onnx.get(0);
        } catch (IOException e) {
            throw new ProctorException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Set<RequestKind<?, ?>> capabilities() {
        return Set.of(RequestKind.PREDICT);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q extends Request, A extends Response> void run(RequestKind<Q, A> kind, List<Q> requests,
                                                            Execution<A> execution) {
        if (kind != RequestKind.PREDICT) {
            throw new IllegalArgumentException(info.name() + " does not serve " + kind.id());
        }
        List<PredictRequest> all = (List<PredictRequest>) requests;
        for (int start = 0; start < all.size(); start += this.batch) {
            List<PredictRequest> batch = all.subList(start, Math.min(all.size(), start + this.batch));
            long t0 = System.nanoTime();
            List<Prediction> out = predict(batch);
            long pixels = (long) config.inputHeight() * config.inputWidth();
            execution.recordBatch(new BatchStats(batch.size(), batch.size() * pixels, batch.size() * pixels,
                    System.nanoTime() - t0));
            int[] indices = new int[batch.size()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = start + i;
            }
            ((Execution<Prediction>) execution).completed(indices, out);
        }
    }

    private List<Prediction> predict(List<PredictRequest> batch) {
        int h = config.inputHeight();
        int w = config.inputWidth();
        float[] pixels = new float[batch.size() * 3 * h * w];
        double[][] scale = new double[batch.size()][];
        for (int b = 0; b < batch.size(); b++) {
            PredictRequest r = batch.get(b);
            if (r.image() == null) {
                throw new ProctorException(info.name() + " detects objects in images; it was sent a text");
            }
            BufferedImage image = decode(Path.of(r.image()));
            scale[b] = new double[] {(double) image.getWidth() / w, (double) image.getHeight() / h};
            fill(resized(image, w, h), pixels, b * 3 * h * w, w, h);
        }
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray input = scope.create(pixels, new Shape(batch.size(), 3, h, w));
            input.setName(config.input());
            NDList out = model.getBlock().forward(new ParameterStore(scope, false), new NDList(input), false);
            NDArray detections = out.stream().filter(a -> config.output().equals(a.getName())).findFirst()
                    .orElse(out.get(0));
            Shape shape = detections.getShape();
            if (shape.dimension() != 3 || shape.get(0) != batch.size() || shape.get(2) != 6) {
                throw new ProctorException(info.name() + ": the detector returned " + shape + "; expected [" + batch.size()
                        + ", K, 6] (x, y, w, h, score, category)");
            }
            int k = Math.toIntExact(shape.get(1));
            float[] rows = detections.toFloatArray();
            List<Prediction> predictions = new ArrayList<>(batch.size());
            for (int b = 0; b < batch.size(); b++) {
                List<Prediction.Box> boxes = new ArrayList<>();
                for (Prediction.Box box : BoxSelection.select(rows, b * k * 6, k, config)) {
                    boxes.add(new Prediction.Box(box.label(), box.score(), box.x() * scale[b][0],
                            box.y() * scale[b][1], box.width() * scale[b][0], box.height() * scale[b][1]));
                }
                predictions.add(Prediction.boxes(boxes));
            }
            return predictions;
        }
    }

    static BufferedImage decode(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, 0, "expected an image file, found none");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(file, 0, "expected an image ImageIO decodes (PNG, JPEG, BMP, GIF): "
                    + e.getMessage());
        }
        if (image == null) {
            throw new DataFormatException(file, 0, "expected an image ImageIO decodes (PNG, JPEG, BMP, GIF); no"
                    + " reader recognised the file");
        }
        return image;
    }

    private static BufferedImage resized(BufferedImage image, int w, int h) {
        if (image.getWidth() == w && image.getHeight() == h) {
            return image;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Channel-first RGB in [0, 1]; alpha, if any, ignored. */
    private static void fill(BufferedImage image, float[] pixels, int offset, int w, int h) {
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int at = offset + y * w + x;
                pixels[at] = ((rgb >> 16) & 0xff) / 255f;
                pixels[at + plane] = ((rgb >> 8) & 0xff) / 255f;
                pixels[at + 2 * plane] = (rgb & 0xff) / 255f;
            }
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
