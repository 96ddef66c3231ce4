package dev.proctor.tasks.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Proctor's C-Eval, OpenCompass and MMCU extraction rules decide as the upstream Python does, answer by answer: the
 * fixtures were written by tasks/multiple-choice/python/extraction_fixtures.py running C-Eval's chatgpt.py
 * eval_subject, OpenCompass's postprocessors and MMCU's TestChatGPT.py eval themselves on 80 answers (each C-Eval mode
 * scored against each gold letter, MMCU's against single and several letters).
 */
class UpstreamRulesTest {
    private static final List<String> LETTERS = List.of("A", "B", "C", "D");
    private static final Map<String, AnswerRule> CEVAL = Map.of("ceval_zero_shot", AnswerRule.CEVAL_ZERO_SHOT,
            "ceval_few_shot", AnswerRule.CEVAL_FEW_SHOT, "ceval_cot", AnswerRule.CEVAL_COT);

    private static List<JsonNode> fixtures() throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = UpstreamRulesTest.class.getResourceAsStream("extraction-fixtures.jsonl");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(json.readTree(line));
            }
        }
        return rows;
    }

    @Test
    void cevalRulesScoreEveryAnswerAsChatgptPyDoes() throws IOException {
        List<String> differing = new ArrayList<>();
        int correct = 0;
        for (JsonNode row : fixtures()) {
            String answer = row.get("answer").asText();
            for (Map.Entry<String, AnswerRule> mode : CEVAL.entrySet()) {
                Optional<Integer> read = mode.getValue().extract(answer, LETTERS);
                for (int gold = 0; gold < 4; gold++) {
                    boolean upstream = row.at("/ceval/" + LETTERS.get(gold) + "/" + mode.getKey()).asInt() == 1;
                    boolean ours = read.isPresent() && read.get() == gold;
                    correct += upstream ? 1 : 0;
                    if (upstream != ours) {
                        differing.add(mode.getKey() + " " + LETTERS.get(gold) + " " + answer);
                    }
                }
            }
        }
        assertEquals(List.of(), differing);
        assertTrue(correct > 40, "the fixtures exercise correct answers too: " + correct);
    }

    @Test
    void mmcuRuleReadsAndScoresEveryAnswerAsTestChatGptDoes() throws IOException {
        List<String> differing = new ArrayList<>();
        int correct = 0;
        for (JsonNode row : fixtures()) {
            String answer = row.get("answer").asText();
            String upstream = row.at("/mmcu/pred").asText();
            Optional<String> read = AnswerRule.MMCU.read(answer, LETTERS);
            if (!UpstreamRules.mmcu(answer).equals(upstream)
                    || !read.equals(upstream.equals(UpstreamRules.MMCU_UNANSWERED) ? Optional.empty()
                    : Optional.of(upstream))) {
                differing.add("'" + answer + "': upstream '" + upstream + "', ours " + read);
            }
            var golds = row.at("/mmcu/correct").fields();
            while (golds.hasNext()) {
                var gold = golds.next();
                boolean ours = read.isPresent() && read.get().equals(gold.getKey());
                correct += gold.getValue().asBoolean() ? 1 : 0;
                if (ours != gold.getValue().asBoolean()) {
                    differing.add("'" + answer + "' against " + gold.getKey() + ": upstream " + gold.getValue());
                }
            }
        }
        assertEquals(List.of(), differing);
        assertTrue(correct > 40, "the fixtures exercise correct answers too: " + correct);
    }

    @Test
    void openCompassRulesReadWhatItsPostprocessorsReturn() throws IOException {
        List<String> differing = new ArrayList<>();
        for (JsonNode row : fixtures()) {
            String answer = row.get("answer").asText();
            for (String rule : List.of("first_capital", "first_option")) {
                String upstream = row.get(rule).asText();
                AnswerRule ours = rule.equals("first_capital") ? AnswerRule.OPENCOMPASS_FIRST_CAPITAL
                        : AnswerRule.OPENCOMPASS_FIRST_OPTION;
                String raw = rule.equals("first_capital") ? UpstreamRules.firstCapital(answer)
                        : UpstreamRules.firstOption(answer, "ABCD");
                Optional<Integer> read = ours.extract(answer, LETTERS);
                String letter = read.map(LETTERS::get).orElse("");
                String expected = LETTERS.contains(upstream) ? upstream : "";
                if (!raw.equals(upstream) || !letter.equals(expected)) {
                    differing.add(rule + " '" + answer + "': upstream '" + upstream + "', ours '" + raw + "'/'" + letter
                            + "'");
                }
            }
        }
        assertEquals(List.of(), differing);
    }
}
