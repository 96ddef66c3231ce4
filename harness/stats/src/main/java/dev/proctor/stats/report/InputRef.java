package dev.proctor.stats.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.datafiles.Sha256;
import dev.proctor.stats.io.RunData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One input of a statistics report, fingerprinted so the numbers can be traced back and re-run.
 *
 * @param role   what the input is to the command ("A", "merged", "signal", ...)
 * @param path   as given
 * @param sha256 per file of the input, its SHA-256 (a run directory has two)
 * @param run    for a run directory: its runId, model and configuration from its own provenance; else null
 */
public record InputRef(String role, String path, Map<String, String> sha256, JsonNode run) {

    public static InputRef file(String role, Path file) {
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put(file.getFileName().toString(), Sha256.of(file));
        return new InputRef(role, file.toString(), hashes, null);
    }

    public static InputRef run(String role, RunData run) {
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("results.json", run.resultsSha256());
        hashes.put("samples.jsonl", run.samplesSha256());
        var node = StatsJson.MAPPER.createObjectNode();
        node.put("runId", run.runId());
        node.set("model", run.provenance().path("model").deepCopy());
        node.set("config", run.provenance().path("config").deepCopy());
        node.set("harness", run.provenance().path("harness").deepCopy());
        return new InputRef(role, run.dir().toString(), hashes, node);
    }
}
