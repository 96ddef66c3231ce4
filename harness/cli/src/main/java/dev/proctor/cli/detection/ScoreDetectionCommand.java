package dev.proctor.cli.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.cli.ScoreJson;
import dev.proctor.coco.ClassResult;
import dev.proctor.coco.CocoEval;
import dev.proctor.coco.CocoEvaluation;
import dev.proctor.coco.GroundTruth;
import dev.proctor.coco.io.CocoFiles;
import dev.proctor.coco.io.CocoJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code proctor score detection --gt instances.json --dt detections.json}: COCO bounding-box detections scored
 * exactly as pycocotools' {@code COCOeval(iouType='bbox')} scores them (the twelve summary numbers and per-class
 * AP), with the inputs' SHA-256 in the JSON.
 */
@Command(name = "detection", mixinStandardHelpOptions = true,
        description = "Score COCO bounding-box detections (a results file: [{image_id, category_id, bbox, score}])"
                + " against COCO ground truth (an instances file) with pycocotools' COCOeval conventions.")
public final class ScoreDetectionCommand implements Callable<Integer> {

    @Option(names = "--gt", required = true, paramLabel = "INSTANCES.json",
            description = "Ground truth: a COCO instances file (images, annotations, categories).")
    Path gt;

    @Option(names = "--dt", required = true, paramLabel = "DETECTIONS.json",
            description = "Detections: a COCO results file, as pycocotools' loadRes reads it.")
    Path dt;

    @Option(names = "--json", description = "Print JSON: AP ... ARl, per_class, inputs' SHA-256, conventions.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        GroundTruth truth = CocoFiles.readGroundTruth(gt);
        CocoEvaluation e = CocoEval.evaluate(truth, CocoFiles.readDetections(dt, truth, gt));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CocoJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(toJson(e)));
        } else {
            printText(out, e);
        }
        out.flush();
        return 0;
    }

    private ObjectNode toJson(CocoEvaluation e) {
        ObjectNode root = ScoreJson.root("score detection");
        ObjectNode inputs = root.putObject("inputs");
        ScoreJson.input(inputs, "gt", gt);
        ScoreJson.input(inputs, "dt", dt);
        root.setAll(CocoJson.toJson(e));
        return root;
    }

    private static void printText(PrintWriter out, CocoEvaluation e) {
        CocoEvaluation.Counts c = e.counts();
        out.printf(Locale.ROOT, "COCO bbox evaluation, pycocotools COCOeval conventions: %d images, %d categories,"
                + " %d ground-truth boxes, %d detections%n", c.images(), c.categories(), c.annotations(),
                c.detections());
        e.summarizeLines().forEach(out::println);
        out.println("per class (area all, maxDets 100):");
        out.printf(Locale.ROOT, "  %-8s %-20s %-9s %-9s %-9s %-9s %s%n", "id", "name", "AP", "AP50", "AP75", "AR100",
                "non-crowd gt");
        boolean undefined = false;
        for (ClassResult r : e.perClass()) {
            undefined |= !r.defined();
            out.printf(Locale.ROOT, "  %-8d %-20s %-9s %-9s %-9s %-9s %d%n", r.category().id(), r.category().name(),
                    cell(r.ap()), cell(r.ap50()), cell(r.ap75()), cell(r.ar100()), r.numGtNonCrowd());
        }
        if (undefined || e.summarizeLines().stream().anyMatch(l -> l.endsWith("= -1.000"))) {
            out.println("-1.000 (as pycocotools prints it) and 'undefined': no ground-truth box that is not crowd in"
                    + " that area range; such cells are left out of every mean.");
        }
        e.notes().forEach(n -> out.println("note: " + n));
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.4f", value);
    }
}
