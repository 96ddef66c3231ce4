package dev.proctor.tasks.detection;

import dev.proctor.api.ProctorException;
import dev.proctor.api.metric.Metrics;
import dev.proctor.api.request.PredictRequest;
import dev.proctor.api.request.Prediction;
import dev.proctor.api.request.RequestKind;
import dev.proctor.api.task.DataFile;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.PlanContext;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.TaskItem;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.coco.Annotation;
import dev.proctor.coco.Category;
import dev.proctor.coco.io.CocoJson;
import dev.proctor.datafiles.DatasetFolderTask;
import dev.proctor.datafiles.DatasetFolders;
import dev.proctor.datafiles.Memo;
import dev.proctor.datafiles.Sha256;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Object detection on COCO-layout folders ({@code instances.json} and its images) as a task whose subjects are
 * folders ({@code detection:shapes}, the bundled set). An item is an image; it asks the model for labelled boxes
 * (the prediction capability: an object detector such as {@code onnx-detector:DIR} or
 * {@code embedded:shapes-detector}) and the set is scored exactly as pycocotools' COCOeval (bbox) scores it, with
 * bootstrap intervals over images. A box's label must name one of the folder's categories.
 */
public final class DetectionTask implements DatasetFolderTask {
    private final Memo<Path> bundled = Memo.of(BundledShapes::root);

    @Override
    public String name() {
        return "detection";
    }

    @Override
    public String description() {
        return "Object detection on COCO-layout folders (instances.json + images), scored as pycocotools COCOeval"
                + " (bbox); bundled: " + BundledShapes.NAME;
    }

    @Override
    public Set<RequestKind<?, ?>> requestKinds(TaskSettings settings) {
        return Set.of(RequestKind.PREDICT);
    }

    @Override
    public Metrics metrics(TaskSettings settings) {
        return CocoMetrics.of();
    }

    @Override
    public Map<String, Object> describeSettings(TaskSettings settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "object-detection");
        m.put("conventions", CocoJson.CONVENTIONS);
        m.put("bootstrap", "images resampled; an image drawn twice is scored twice");
        return m;
    }

    @Override
    public List<Subject> subjects(Path dataDir) {
        return DatasetFolders.datasets(dataDir, this::isDataset, "a COCO-layout folder (" + CocoFolder.INSTANCES
                + " and its images)").stream().map(dir -> subject(DatasetFolders.name(dir))).toList();
    }

    @Override
    public boolean isDataset(Path dir) {
        return CocoFolder.isDataset(dir);
    }

    @Override
    public List<DataFile> dataFiles(Path dataDir, Subject subject, TaskSettings settings) {
        CocoFolder folder = CocoFolder.read(datasetRoot(dataDir, subject));
        List<DataFile> files = new ArrayList<>();
        files.add(new DataFile("instances", folder.instances()));
        folder.images().forEach(i -> files.add(new DataFile("image", i.file())));
        return files;
    }

    @Override
    public Optional<Path> bundledDataDir() {
        return Optional.of(bundled.get());
    }

    @Override
    public List<TaskItem> load(Path dataDir, Subject subject, PlanContext context, boolean requireGold) {
        CocoFolder folder = CocoFolder.read(datasetRoot(dataDir, subject));
        Map<String, Object> categories = new LinkedHashMap<>();
        Map<String, Long> idOf = new LinkedHashMap<>();
        for (Category c : folder.groundTruth().categories()) {
            categories.put(c.name(), c.id());
            idOf.put(c.name(), c.id());
        }
        List<CocoFolder.Image> images = folder.images();
        if (context.settings().limit().isPresent() && context.settings().limit().getAsInt() < images.size()) {
            images = images.subList(0, context.settings().limit().getAsInt());
        }
        Map<Long, List<List<Number>>> boxes = new HashMap<>();
        for (Annotation a : folder.groundTruth().annotations()) {
            boxes.computeIfAbsent(a.imageId(), id -> new ArrayList<>()).add(List.of(a.categoryId(), a.box().x(),
                    a.box().y(), a.box().width(), a.box().height(), a.area(), a.crowd() ? 1 : 0));
        }
        List<TaskItem> items = new ArrayList<>(images.size());
        for (CocoFolder.Image image : images) {
            List<List<Number>> gt = boxes.getOrDefault(image.id(), List.of());
            Map<String, Object> facts = Map.of("size", image.width() + "x" + image.height());
            PredictRequest request = PredictRequest.ofImage(image.file().toAbsolutePath().toString(),
                    Sha256.of(image.file()));
            items.add(new TaskItem(subject.name() + "/" + image.fileName(), subject.name(),
                    new SourceLine(folder.instances(), 0), image.fileName(), List.of(request), gt, facts,
                    responses -> score(image, gt, categories, idOf, (Prediction) responses.get(0))));
        }
        return items;
    }

    private static ItemScore score(CocoFolder.Image image, List<List<Number>> gt, Map<String, Object> categories,
                                   Map<String, Long> idOf, Prediction prediction) {
        List<List<Number>> dt = new ArrayList<>();
        for (Prediction.Box b : prediction.boxes()) {
            Long category = idOf.get(b.label());
            if (category == null) {
                throw new ProctorException("the model labelled a box of " + image.fileName() + " '" + b.label()
                        + "', which is not among the categories " + idOf.keySet());
            }
            dt.add(List.of(category, b.score(), b.x(), b.y(), b.width(), b.height()));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("objects", (double) gt.size());
        values.put("detections", (double) dt.size());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(CocoMetrics.GT, gt);
        details.put(CocoMetrics.DT, dt);
        details.put(CocoMetrics.CATEGORIES, categories);
        return new ItemScore(values, dt.size(), details);
    }

    private static Subject subject(String name) {
        return new Subject(name, name, List.of());
    }
}
