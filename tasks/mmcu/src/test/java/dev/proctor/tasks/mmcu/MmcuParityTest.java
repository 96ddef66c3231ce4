package dev.proctor.tasks.mmcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.Split;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * MmcuTask reads and prompts as MMCU's own TestChatGPT.py: the workbooks under parity/ were written with openpyxl and
 * run through the script's main() by tasks/mmcu/python/mmcu_fixtures.py, which recorded every prompt it sent and every
 * label it compared (0 and 2 shots). The cells hit the script's and pandas' quirks: option cleaning, numbers, booleans,
 * dates and missing cells among options, pandas' NA strings, labels with spaces, full-width letters, \u3000, commas,
 * several letters, and labels no answer can match.
 */
class MmcuParityTest {

    @Test
    void everyPromptAndLabelIsTheScriptsOwn() throws Exception {
        Path dir = Path.of(MmcuParityTest.class.getResource("parity").toURI());
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        MmcuTask task = new MmcuTask();
        TaskSettings keep = new TaskSettings(Split.TEST, 0, OptionalInt.empty(), PromptFormat.OFFICIAL,
                ScoringMode.GENERATE, 1, Map.of("bad-labels", "never-correct"));
        McTemplate template = task.template(PromptFormat.OFFICIAL);
        List<String> differing = new ArrayList<>();
        int compared = 0;
        for (int shots : new int[] {0, 2}) {
            for (JsonNode call : expected.get(String.valueOf(shots))) {
                Subject unit = task.subjects(dir).stream().filter(s -> s.name().equals(call.get("unit").asText()))
                        .findFirst().orElseThrow();
                Item item = task.load(dir, unit, Split.TEST, keep).get(call.get("row").asInt());
                StringBuilder prompt = new StringBuilder(template.header(unit));
                task.load(dir, unit, Split.DEV).subList(0, shots).forEach(s -> prompt.append(template.shot(s)));
                prompt.append(template.query(item));
                if (!prompt.toString().equals(call.get("prompt").asText())) {
                    differing.add(shots + "-shot " + item.id() + ":\n" + prompt + "\n--- upstream:\n"
                            + call.get("prompt").asText());
                }
                if (!item.goldLetters().equals(call.get("label").asText())) {
                    differing.add(item.id() + ": label " + item.goldLetters() + ", upstream " + call.get("label"));
                }
                compared++;
            }
        }
        assertEquals(List.of(), differing);
        assertEquals(32, compared);
        assertTrue(task.subjects(dir).size() == 5, "two 医疗 sheets and three files");
    }
}
