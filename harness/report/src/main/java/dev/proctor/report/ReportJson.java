package dev.proctor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.core.plan.DataFileRef;
import dev.proctor.core.result.GroupScore;
import dev.proctor.core.result.RunStats;
import dev.proctor.core.result.SubjectScore;
import dev.proctor.core.run.RunConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the JSON documents of a report as explicit trees, so the file layout is written down in one place
 * rather than following whatever fields a record happens to have. NaN is written as the string "NaN".
 */
final class ReportJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    static ObjectNode provenance(Provenance p) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("runId", p.runId());
        p.harness().describeIn(node.putObject("harness"), p.java(), p.os());
        node.put("createdAt", p.createdAt().toString());
        ObjectNode model = node.putObject("model");
        model.put("spec", p.modelSpec());
        model.put("name", p.model().name());
        model.put("engine", p.model().engine());
        model.put("device", p.model().device());
        model.put("modelSha256", p.model().modelSha256());
        model.put("tokenizerSha256", p.model().tokenizerSha256());
        model.put("maxContextLength", p.model().maxContextLength());
        node.set("config", config(p.config()));
        ArrayNode checks = node.putArray("dataChecks");
        for (DataCheck c : p.dataChecks()) {
            ObjectNode check = checks.addObject();
            check.put("task", c.task());
            check.put("dataset", c.dataset());
            check.put("version", c.version());
            check.put("status", c.status());
            check.put("files", c.files());
        }
        ArrayNode data = node.putArray("dataFiles");
        for (DataFileRef f : p.dataFiles()) {
            ObjectNode file = data.addObject();
            file.put("task", f.task());
            file.put("subject", f.subject());
            file.put("split", f.split());
            file.put("path", f.path().toString());
            file.put("sha256", f.sha256());
            file.put("bytes", f.bytes());
        }
        return node;
    }

    static ObjectNode config(RunConfig c) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode tasks = node.putArray("tasks");
        c.tasks().forEach(tasks::add);
        node.put("split", c.split().id());
        node.put("shots", c.shots());
        if (c.limit().isPresent()) {
            node.put("limit", c.limit().getAsInt());
        } else {
            node.putNull("limit");
        }
        node.put("format", c.format().id());
        node.put("scoring", c.scoring().id());
        node.put("seed", c.seed());
        node.put("batchTokens", c.batchTokens());
        ObjectNode dirs = node.putObject("dataDirs");
        c.dataDirs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> dirs.put(e.getKey(), e.getValue().toString()));
        return node;
    }

    static ArrayNode subjects(List<SubjectScore> subjects, Map<String, List<String>> categoriesBySubjectKey) {
        ArrayNode array = MAPPER.createArrayNode();
        for (SubjectScore s : subjects) {
            ObjectNode node = array.addObject();
            node.put("task", s.task());
            node.put("subject", s.subject());
            ArrayNode categories = node.putArray("categories");
            categoriesBySubjectKey.getOrDefault(s.task() + "/" + s.subject(), List.of()).forEach(categories::add);
            node.put("n", s.n());
            node.put("acc", s.accuracy());
            node.put("acc_stderr_lmeval", s.stderrLmEval());
            node.put("acc_stderr_binomial", s.stderrBinomial());
            node.put("acc_norm", s.accuracyNorm());
            node.put("acc_bytes", s.accuracyBytes());
            node.put("gold_bits_per_byte", s.goldBitsPerByte());
        }
        return array;
    }

    static ArrayNode groups(List<GroupScore> groups) {
        ArrayNode array = MAPPER.createArrayNode();
        for (GroupScore g : groups) {
            ObjectNode node = array.addObject();
            node.put("task", g.task());
            node.put("group", g.group());
            node.put("averaging", g.averaging().name().toLowerCase(Locale.ROOT));
            node.put("subjects", g.subjects());
            node.put("n", g.n());
            node.put("acc", g.accuracy());
            node.put("acc_stderr", g.stderr());
            node.put("acc_stderr_kind", g.averaging() == dev.proctor.core.result.Averaging.MACRO
                    ? "sqrt(sum se_i^2)/k over subjects" : "lm-eval pooled_sample_stderr");
        }
        return array;
    }

    static ObjectNode stats(RunStats s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("items", s.items());
        node.put("resumedItems", s.resumedItems());
        node.put("sequences", s.sequences());
        node.put("forwardsPerItem", s.forwardsPerItem());
        node.put("batches", s.batches());
        node.put("realTokens", s.realTokens());
        node.put("paddedTokens", s.paddedTokens());
        node.put("paddingEfficiency", s.paddingEfficiency());
        node.put("forwardSeconds", s.forwardNanos() / 1e9);
        node.put("totalSeconds", s.totalNanos() / 1e9);
        return node;
    }
}
