package dev.proctor.htmlreport.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.htmlreport.results.ResultRow;
import dev.proctor.htmlreport.results.RunResults;
import dev.proctor.htmlreport.results.TaskResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's results in lm-evaluation-harness's results-JSON layout ({@code lm_eval/result_schema.py}, EvalResults), so
 * that tooling built for it reads Proctor's numbers. A task with one subject is one entry of {@code results}; a task
 * with several has one entry per subject ({@code TASK_SUBJECT}, as lm-eval names MMLU's and CMMLU's subtasks) and a
 * group entry in {@code groups} with the micro average (lm-eval weights a group by subtask size), listed under
 * {@code group_subtasks}. Metric keys are {@code METRIC,none} and {@code METRIC_stderr,none} (no filter); an undefined
 * value is {@code null} and an undefined standard error {@code "N/A"}, as lm-eval writes them. What lm-eval has no
 * place for (intervals, provenance) is under each config's {@code proctor} key.
 */
public final class LmEvalResults {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILTER = "none";

    private LmEvalResults() {
    }

    public static ObjectNode of(RunResults run) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode results = root.putObject("results");
        ObjectNode groups = JSON.createObjectNode();
        ObjectNode groupSubtasks = root.putObject("group_subtasks");
        ObjectNode configs = root.putObject("configs");
        ObjectNode versions = root.putObject("versions");
        ObjectNode nShot = root.putObject("n-shot");
        ObjectNode higher = root.putObject("higher_is_better");
        ObjectNode nSamples = root.putObject("n-samples");
        JsonNode p = run.provenance();
        String version = p.at("/harness/version").asText();
        int shots = p.at("/config/shots").asInt();
        for (TaskResults task : run.tasks()) {
            List<String> names = new ArrayList<>();
            boolean single = task.subjects().size() == 1;
            for (ResultRow subject : task.subjects()) {
                String name = single ? task.task() : task.task() + "_" + subject.name();
                names.add(name);
                entry(results.putObject(name), single ? name : " - " + subject.name(), subject);
                describe(name, task, subject.n(), shots, version, p, configs, versions, nShot, higher, nSamples);
            }
            if (!single) {
                groupSubtasks.set(task.task(), JSON.valueToTree(names));
                task.overall("micro").ifPresent(row -> {
                    entry(groups.putObject(task.task()), task.task(), row);
                    versions.putNull(task.task());
                    nShot.put(task.task(), shots);
                    higher.set(task.task(), higher(task));
                });
            } else {
                groupSubtasks.set(task.task(), JSON.createArrayNode());
            }
        }
        if (!groups.isEmpty()) {
            root.set("groups", groups);
        }
        ObjectNode config = root.putObject("config");
        config.put("model", "proctor");
        config.put("model_args", p.at("/model/spec").asText());
        config.set("limit", p.at("/config/limit"));
        config.put("bootstrap_iters", p.at("/config/bootstrap/resamples").asInt());
        config.put("random_seed", p.at("/config/seed").asInt());
        config.put("fewshot_seed", p.at("/config/seed").asInt());
        config.put("device", p.at("/model/device").asText());
        root.put("git_hash", p.at("/harness/gitCommit").asText());
        root.put("date", Instant.parse(p.path("createdAt").asText()).toEpochMilli() / 1000.0);
        root.put("model_source", "proctor");
        root.put("model_name", p.at("/model/spec").asText());
        root.put("model_name_sanitized", p.at("/model/spec").asText().replaceAll("[^A-Za-z0-9._-]", "__"));
        return root;
    }

    private static void entry(ObjectNode node, String alias, ResultRow row) {
        node.put("alias", alias);
        row.metrics().forEach((metric, e) -> {
            number(node, metric + "," + FILTER, e.value());
            if (Double.isNaN(e.stderr())) {
                node.put(metric + "_stderr," + FILTER, "N/A");
            } else {
                node.put(metric + "_stderr," + FILTER, e.stderr());
            }
        });
    }

    private static void describe(String name, TaskResults task, int n, int shots, String version, JsonNode provenance,
                                 ObjectNode configs, ObjectNode versions, ObjectNode nShot, ObjectNode higher,
                                 ObjectNode nSamples) {
        ObjectNode c = configs.putObject(name);
        c.put("task", name);
        c.put("num_fewshot", shots);
        c.put("output_type", task.settings().path("scoring").asText("").equals("generate") ? "generate_until"
                : "multiple_choice");
        c.putObject("metadata").put("version", version);
        ObjectNode proctor = c.putObject("proctor");
        proctor.put("task", task.task());
        proctor.put("runId", provenance.path("runId").asText());
        proctor.set("settings", task.settings());
        proctor.set("model", provenance.path("model"));
        versions.put(name, version);
        nShot.put(name, shots);
        higher.set(name, higher(task));
        // the split's size when the run had no --limit; with one, Proctor knows only the items it evaluated
        nSamples.putObject(name).put("original", n).put("effective", n);
    }

    private static ObjectNode higher(TaskResults task) {
        ObjectNode h = JSON.createObjectNode();
        task.higherIsBetter().forEach(h::put);
        return h;
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    /** The key lm-eval gives a metric's value: {@code METRIC,none}. */
    public static String key(String metric) {
        return metric + "," + FILTER;
    }
}
