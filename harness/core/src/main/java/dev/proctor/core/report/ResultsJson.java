package dev.proctor.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.api.metric.MetricSpec;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.ReferenceAverage;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.core.aggregate.MetricValue;
import dev.proctor.core.aggregate.ScoreRow;
import dev.proctor.core.aggregate.Summary;
import dev.proctor.core.aggregate.TaskSummary;
import dev.proctor.core.data.DataFileRef;
import dev.proctor.core.evaluate.RunConfig;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.plan.PlannedItem;
import dev.proctor.core.plan.TaskPlan;
import dev.proctor.core.schedule.RunStats;
import dev.proctor.report.DataCheck;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The layout of {@code results.json}, written down in one place (reports/README.md documents it):
 * {@code schema}, {@code provenance}, {@code tasks} (each task's metrics, main metric and the settings it used),
 * {@code results.subjects} and {@code results.groups} (per row: n, and per metric its value, standard errors and
 * bootstrap interval; a subject row also the task's {@code figures}, such as a confusion matrix), {@code stats} and {@code notes}.
 */
final class ResultsJson {
    /** Bumped whenever a reader would misread the layout. */
    static final String SCHEMA = "proctor-results/2";

    private ResultsJson() {
    }

    /** @param scores one per plan item, in plan order */
    static ObjectNode of(Provenance provenance, EvaluationPlan plan, Summary summary, List<ItemScore> scores,
                         RunStats stats, Map<String, String> notes) {
        ObjectNode root = JsonValues.MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode provenanceNode = provenance(provenance);
        root.set("provenance", provenanceNode);
        if (provenance.config().settings().chat().isPresent() && !plan.items().isEmpty()) {
            // the template's output on the first item shows what every prompt looked like
            ((ObjectNode) provenanceNode.path("config").path("chat"))
                    .put("firstRenderedPrompt", plan.items().get(0).item().prompt());
        }
        ArrayNode tasks = root.putArray("tasks");
        Map<String, Map<String, Map<String, Integer>>> facts = FactCounts.of(plan.items());
        for (TaskPlan t : plan.tasks().values()) {
            ObjectNode task = task(t);
            task.set("facts", JsonValues.tree(facts.getOrDefault(t.task().name(), Map.of())));
            tasks.add(task);
        }
        ObjectNode results = root.putObject("results");
        ArrayNode subjects = results.putArray("subjects");
        ArrayNode groups = results.putArray("groups");
        for (TaskSummary t : summary.tasks()) {
            TaskPlan tp = plan.tasks().get(t.task());
            for (ScoreRow row : t.subjects()) {
                ObjectNode node = row(row);
                ArrayNode categories = node.putArray("categories");
                tp.categories().getOrDefault(row.name(), List.of()).forEach(categories::add);
                if (tp.metrics().figures().isPresent()) {
                    node.set("figures", JsonValues.tree(tp.metrics().figures().get()
                            .of(subjectScores(plan, scores, t.task(), row.name()))));
                }
                subjects.add(node);
            }
            for (ScoreRow row : t.groups()) {
                groups.add(row(row));
            }
        }
        root.set("stats", stats(stats));
        ObjectNode notesNode = root.putObject("notes");
        notes.forEach(notesNode::put);
        return root;
    }

    private static List<ItemScore> subjectScores(EvaluationPlan plan, List<ItemScore> scores, String task,
                                                 String subject) {
        List<ItemScore> out = new ArrayList<>();
        for (int i = 0; i < plan.items().size(); i++) {
            PlannedItem p = plan.items().get(i);
            if (p.task().equals(task) && p.item().subject().equals(subject)) {
                out.add(scores.get(i));
            }
        }
        return out;
    }

    static ObjectNode provenance(Provenance p) {
        ObjectNode node = JsonValues.MAPPER.createObjectNode();
        node.put("runId", p.runId());
        p.harness().describeIn(node.putObject("harness"), p.java(), p.os());
        node.put("createdAt", p.createdAt().toString());
        ObjectNode model = node.putObject("model");
        model.put("spec", p.modelSpec());
        ObjectNode args = model.putObject("args");
        new java.util.TreeMap<>(p.modelArgs()).forEach(args::put);
        model.put("name", p.model().name());
        model.put("kind", p.model().kind());
        model.put("engine", p.model().engine());
        model.put("device", p.model().device());
        model.set("identity", JsonValues.tree(p.model().identity()));
        node.set("config", config(p.config(), p.dataDirs()));
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
            file.put("role", f.role());
            file.put("path", f.path().toString());
            file.put("sha256", f.sha256());
            file.put("bytes", f.bytes());
        }
        return node;
    }

    static ObjectNode config(RunConfig c, Map<String, Path> dataDirs) {
        ObjectNode node = JsonValues.MAPPER.createObjectNode();
        ArrayNode tasks = node.putArray("tasks");
        c.tasks().forEach(tasks::add);
        TaskSettings s = c.settings();
        node.put("split", s.split().id());
        node.put("shots", s.shots());
        if (s.limit().isPresent()) {
            node.put("limit", s.limit().getAsInt());
        } else {
            node.putNull("limit");
        }
        node.put("format", s.format().id());
        node.put("scoring", s.scoring().id());
        node.put("seed", s.seed());
        ObjectNode args = node.putObject("taskArgs");
        s.args().forEach(args::put);
        s.chat().ifPresent(chat -> node.set("chat", JsonValues.tree(chat.describe())));
        node.put("batchTokens", c.batchTokens());
        ObjectNode dirs = node.putObject("dataDirs");
        dataDirs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> dirs.put(e.getKey(), e.getValue().toString()));
        BootstrapConfig b = c.bootstrap();
        ObjectNode bootstrap = node.putObject("bootstrap");
        bootstrap.put("resamples", b.resamples());
        bootstrap.put("seed", b.seed());
        bootstrap.put("confidence", b.confidence().percent());
        bootstrap.put("rng", BootstrapConfig.RNG);
        bootstrap.put("method", "percentile; items resampled within subjects, every metric on the same draws");
        return node;
    }

    static ObjectNode task(TaskPlan t) {
        ObjectNode node = JsonValues.MAPPER.createObjectNode();
        node.put("task", t.task().name());
        node.put("description", t.task().description());
        node.put("mainMetric", t.metrics().main());
        ArrayNode metrics = node.putArray("metrics");
        for (MetricSpec m : t.metrics().specs()) {
            ObjectNode spec = metrics.addObject();
            spec.put("name", m.name());
            spec.put("aggregation", m.aggregation().name().toLowerCase(Locale.ROOT));
            spec.put("higherIsBetter", m.higherIsBetter());
            spec.put("binary", m.binary());
            spec.put("description", m.description());
        }
        node.set("settings", JsonValues.tree(t.settings()));
        ArrayNode references = node.putArray("referenceAverages");
        for (ReferenceAverage r : t.task().referenceAverages()) {
            ObjectNode ref = references.addObject().put("name", r.name()).put("description", r.description());
            r.categories().forEach(ref.putArray("categories")::add);
        }
        return node;
    }

    static ObjectNode row(ScoreRow row) {
        ObjectNode node = JsonValues.MAPPER.createObjectNode();
        node.put("task", row.task());
        node.put("level", row.level().id());
        node.put(row.level() == ScoreRow.Level.SUBJECT ? "subject" : "group", row.name());
        if (row.averaging().isPresent()) {
            node.put("averaging", row.averagingId());
            node.put("subjects", row.subjects());
        }
        node.put("n", row.n());
        ObjectNode metrics = node.putObject("metrics");
        row.metrics().forEach((name, v) -> metrics.set(name, value(v, row)));
        return node;
    }

    static ObjectNode value(MetricValue v, ScoreRow row) {
        ObjectNode node = JsonValues.MAPPER.createObjectNode();
        ObjectNode undefined = JsonValues.MAPPER.createObjectNode();
        JsonValues.number(node, "value", v.value(), v.undefined(), undefined);
        JsonValues.number(node, "stderr", v.stderr(), v.undefined(), undefined);
        if (Double.isFinite(v.stderrBinomial())) {
            node.put("stderr_binomial", v.stderrBinomial());
        }
        ArrayNode ci = node.putArray("ci");
        if (Double.isFinite(v.ciLow()) && Double.isFinite(v.ciHigh())) {
            ci.add(v.ciLow());
            ci.add(v.ciHigh());
        } else {
            node.putNull("ci");
            undefined.put("ci", v.undefined().getOrDefault("ci", "the bootstrap gave no finite interval"));
        }
        if (!undefined.isEmpty()) {
            node.set("undefined", undefined);
        }
        return node;
    }

    static ObjectNode stats(RunStats s) {
        ObjectNode node = JsonValues.MAPPER.createObjectNode();
        node.put("items", s.items());
        node.put("computedItems", s.computedItems());
        node.put("reusedItems", s.reusedItems());
        node.put("requests", s.requests());
        node.put("computedResponses", s.computedResponses());
        node.put("reusedResponses", s.reusedResponses());
        node.put("modelCalls", s.modelCalls());
        node.put("sequences", s.sequences());
        ObjectNode undefined = JsonValues.MAPPER.createObjectNode();
        JsonValues.number(node, "sequencesPerItem", s.sequencesPerItem(),
                Map.of("sequencesPerItem", "no item was computed in this invocation"), undefined);
        node.put("realTokens", s.realTokens());
        node.put("paddedTokens", s.paddedTokens());
        JsonValues.number(node, "paddingEfficiency", s.paddingEfficiency(),
                Map.of("paddingEfficiency", "no tokens were fed in this invocation"), undefined);
        node.put("prefixTreeTokens", s.prefixTreeTokens());
        JsonValues.number(node, "tokensPerTreeToken", s.tokensPerTreeToken(),
                Map.of("tokensPerTreeToken", "no backend counted the prompts' prefix tree"), undefined);
        node.put("modelSeconds", s.modelNanos() / 1e9);
        node.put("totalSeconds", s.totalNanos() / 1e9);
        if (!undefined.isEmpty()) {
            node.set("undefined", undefined);
        }
        return node;
    }
}
