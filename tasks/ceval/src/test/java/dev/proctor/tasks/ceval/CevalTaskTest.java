package dev.proctor.tasks.ceval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.testkit.SharedFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CevalTaskTest {
    private final CevalTask task = new CevalTask();

    private Subject subject(String name) {
        return task.knownSubjects().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void catalogueIsTheReleasesSubjectMapping() throws IOException {
        Path mapping = SharedFolder.require("data/ceval/subject_mapping.json");
        JsonNode official = new ObjectMapper().readTree(mapping.toFile());
        List<Subject> expected = new ArrayList<>();
        official.fields().forEachRemaining(e -> expected.add(new Subject(e.getKey(), e.getValue().get(1).asText(),
                List.of(e.getValue().get(2).asText()))));
        assertEquals(expected, task.knownSubjects());
        Map<String, Integer> sizes = new TreeMap<>();
        task.knownSubjects().forEach(s -> s.categories().forEach(c -> sizes.merge(c, 1, Integer::sum)));
        assertEquals(Map.of("STEM", 20, "Social Science", 10, "Humanities", 11, "Other", 11), sizes);
    }

    @Test
    void realDataDevAndValHaveAnswersTestHasNone() {
        Path data = SharedFolder.require("data/ceval/ceval-exam");
        List<Subject> subjects = task.subjects(data);
        assertEquals(52, subjects.size());
        int[] counts = new int[3];
        for (Subject s : subjects) {
            for (Item item : task.load(data, s, Split.DEV)) {
                assertTrue(item.hasGold(), item.id());
                counts[0]++;
            }
            for (Item item : task.load(data, s, Split.VAL)) {
                assertTrue(item.hasGold(), item.id());
                counts[1]++;
            }
            for (Item item : task.load(data, s, Split.TEST)) {
                assertFalse(item.hasGold(), item.id());
                counts[2]++;
            }
        }
        assertEquals(List.of(260, 1346, 12_342), List.of(counts[0], counts[1], counts[2]));
    }

    @Test
    void testSplitIsUnscorableAndSaysWhy() {
        String reason = task.unscorableReason(Split.TEST).orElseThrow();
        assertTrue(reason.contains("no answer column") && reason.contains("--split val"), reason);
        assertTrue(task.unscorableReason(Split.VAL).isEmpty());
    }

    /**
     * The lm-eval prompt is lm-evaluation-harness's ceval-valid config rendered by Jinja2 (its {@code description}
     * for accountant, then {@code doc_to_text} of _default_ceval_yaml at 4e7e0d47 on the first val row, rendered with
     * lm-eval's Environment(undefined=StrictUndefined, keep_trailing_newline=True)); the official one is the README's.
     */
    @Test
    void promptsOfBothFormatsOnTheFirstAccountantQuestion() {
        Path data = SharedFolder.require("data/ceval/ceval-exam");
        Subject accountant = subject("accountant");
        Item item = task.load(data, accountant, Split.VAL).get(0);
        assertEquals(3, item.gold());
        String question = "下列关于税法基本原则的表述中，不正确的是____。\nA. 税收法定原则包括税收要件法定原则和税务合法性原则\n"
                + "B. 税收公平原则源于法律上的平等性原则\nC. 税收效率原则包含经济效率和行政效率两个方面\n"
                + "D. 税务机关按法定程序依法征税，可以自由做出减征、停征或免征税款的决定\n答案：";
        McTemplate lmEval = task.template(PromptFormat.LM_EVAL);
        assertEquals("以下是中国关于注册会计师的单项选择题，请选出其中的正确答案。\n\n" + question,
                lmEval.header(accountant) + lmEval.query(item));
        assertEquals(List.of(" A", " B", " C", " D"), lmEval.continuations(item));
        McTemplate official = task.template(PromptFormat.OFFICIAL);
        assertEquals("以下是中国关于注册会计师考试的单项选择题，请选出其中的正确答案。\n\n" + question,
                official.header(accountant) + official.query(item));
        assertEquals(List.of("A", "B", "C", "D"), official.continuations(item));
    }
}
