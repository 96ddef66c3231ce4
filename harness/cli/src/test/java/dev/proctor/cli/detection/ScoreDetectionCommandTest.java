package dev.proctor.cli.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.cli.CliRuns;
import dev.proctor.cli.Main;
import dev.proctor.datafiles.Sha256;
import dev.proctor.testkit.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proctor score detection} end to end: files written, scored, and the output read back. */
class ScoreDetectionCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** detection_peer.py's stats names to ours. */
    static final Map<String, String> PEER_NAMES = Map.ofEntries(Map.entry("AP", "AP"), Map.entry("AP50", "AP50"),
            Map.entry("AP75", "AP75"), Map.entry("AP_small", "APs"), Map.entry("AP_medium", "APm"),
            Map.entry("AP_large", "APl"), Map.entry("AR1", "AR1"), Map.entry("AR10", "AR10"),
            Map.entry("AR100", "AR100"), Map.entry("AR_small", "ARs"), Map.entry("AR_medium", "ARm"),
            Map.entry("AR_large", "ARl"));

    @TempDir
    Path dir;

    /** {@code proctor score detection ARGS} as Main runs it: exit code, stdout and stderr. */
    static CliRuns.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("score", "detection"));
        all.addAll(List.of(args));
        return CliRuns.run(all);
    }

    /** Writes a peer-style case ({images, categories, annotations, detections}) as instances.json + dt.json. */
    Path[] write(JsonNode input) throws IOException {
        ObjectNode gt = JSON.createObjectNode();
        List.of("images", "categories", "annotations").forEach(k -> gt.set(k, input.get(k)));
        return new Path[] {Files.writeString(dir.resolve("instances.json"), gt.toString()),
                Files.writeString(dir.resolve("dt.json"), input.get("detections").toString())};
    }

    Path[] small() throws IOException {
        return new Path[] {
                Files.writeString(dir.resolve("instances.json"), "{\"images\": [{\"id\": 1}], \"categories\": ["
                        + "{\"id\": 1, \"name\": \"cat\"}, {\"id\": 2, \"name\": \"dog\"}], \"annotations\": [{\"id\":"
                        + " 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 10, 10], \"area\": 100,"
                        + " \"iscrowd\": 0}]}"),
                Files.writeString(dir.resolve("dt.json"), "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0,"
                        + " 10, 10], \"score\": 0.9}]")};
    }

    @Test
    void jsonGivesTheNumbersTheInputsHashesAndNullWithAReasonWherePycocotoolsGivesMinusOne() throws IOException {
        Path[] f = small();
        CliRuns.Result r = run("--gt", f[0].toString(), "--dt", f[1].toString(), "--json");
        assertEquals(0, r.exitCode(), r::err);
        JsonNode j = JSON.readTree(r.out());
        assertEquals("score detection", j.get("command").asText());
        assertEquals(Sha256.of(f[0]), j.at("/inputs/gt/sha256").asText());
        assertEquals(Sha256.of(f[1]), j.at("/inputs/dt/sha256").asText());
        assertTrue(j.get("harness").isObject() && j.get("conventions").asText().contains("COCOeval"));
        for (String key : List.of("AP", "AP50", "AP75", "APs", "AR1", "AR10", "AR100", "ARs")) {
            assertEquals(0.9999999999999998, j.get(key).asDouble(), 1e-15, key);
        }
        for (String key : List.of("APm", "APl", "ARm", "ARl")) {
            assertTrue(j.get(key).isNull(), key + " has no box in its range");
            assertTrue(j.at("/undefined/" + key).asText().contains("pycocotools prints -1"), j.toString());
        }
        JsonNode dog = j.at("/per_class/2");
        assertEquals("dog", dog.get("name").asText());
        assertTrue(dog.get("AP").isNull() && dog.at("/undefined/AP").asText().contains("category 2"), dog.toString());
        assertEquals(0, dog.get("num_gt_non_crowd").asInt());
        assertEquals(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = -1.000",
                j.get("summarize_text").get(4).asText());
    }

    @Test
    void thePeersEdgeCaseComesOutAsPycocotoolsComputedIt() throws IOException {
        JsonNode expected = JSON.readTree(SharedFolder.require("peers/det_edge.output.json").toFile());
        Path[] f = write(JSON.readTree(SharedFolder.require("peers/det_edge.input.json").toFile()));
        CliRuns.Result r = run("--gt", f[0].toString(), "--dt", f[1].toString(), "--json");
        assertEquals(0, r.exitCode(), r::err);
        JsonNode j = JSON.readTree(r.out());
        PEER_NAMES.forEach((peer, ours) -> assertEquals(expected.at("/stats/" + peer).asDouble(),
                j.get(ours).isNull() ? -1 : j.get(ours).asDouble(), 1e-12, ours));
        assertEquals(expected.at("/per_class/1/AP").asDouble(), j.at("/per_class/1/AP").asDouble(), 1e-12);
        assertTrue(j.at("/per_class/7/AP").isNull(), "category 7 has no ground truth: pycocotools' -1");

        CliRuns.Result text = run("--gt", f[0].toString(), "--dt", f[1].toString());
        assertEquals(0, text.exitCode(), text::err);
        for (JsonNode line : expected.get("summarize_text")) {
            assertTrue(text.out().contains(line.asText() + System.lineSeparator()), "missing line '" + line.asText()
                    + "' in:\n" + text.out());
        }
        assertTrue(text.out().contains("undefined"), text.out());
    }

    @Test
    void badInputIsAUserErrorNamingTheFileAndThePlace() throws IOException {
        Path[] f = small();
        Path badGt = Files.writeString(dir.resolve("bad.json"), Files.readString(f[0]).replace("[0, 0, 10, 10]",
                "[0, 0, 10]"));
        CliRuns.Result r = run("--gt", badGt.toString(), "--dt", f[1].toString());
        assertEquals(Main.EXIT_USER_ERROR, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("error: " + badGt + ": $.annotations[0].bbox: expected [x, y, width, height]"),
                r.err());

        Path stray = Files.writeString(dir.resolve("stray.json"), "[{\"image_id\": 5, \"category_id\": 1, \"bbox\":"
                + " [0, 0, 1, 1], \"score\": 0.5}]");
        CliRuns.Result s = run("--gt", f[0].toString(), "--dt", stray.toString());
        assertEquals(Main.EXIT_USER_ERROR, s.exitCode(), s::toString);
        assertTrue(s.err().contains(stray + ": $[0].image_id: image 5 is not an image of the ground truth"), s.err());

        CliRuns.Result missing = run("--gt", dir.resolve("absent.json").toString(), "--dt", f[1].toString());
        assertEquals(Main.EXIT_USER_ERROR, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("cannot read " + dir.resolve("absent.json")), missing.err());

        CliRuns.Result usage = run("--gt", f[0].toString());
        assertEquals(Main.EXIT_USAGE, usage.exitCode(), usage::toString);
        assertTrue(usage.err().contains("--dt"), usage.err());
    }
}
