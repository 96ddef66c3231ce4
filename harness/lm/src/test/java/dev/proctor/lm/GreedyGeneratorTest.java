package dev.proctor.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.DirectExecution;
import dev.proctor.api.request.GenerateRequest;
import dev.proctor.api.request.Generation;
import dev.proctor.api.request.RequestKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GreedyGeneratorTest {
    private static final Map<String, String> SCRIPTS = Map.of(
            "Q1:", " B\nmore text",
            "Q2:", " answer is C, surely",
            "Q3:", " looping looping looping looping",
            "Q4:", " done");

    private static DirectExecution<Generation> run(ByteLm lm, int budget, List<GenerateRequest> requests) {
        return DirectExecution.run(new CausalLmModel(lm), RequestKind.GENERATE, requests, budget);
    }

    @Test
    void generationStopsAtAStopStringAtEndOfTextOrAtTheLimit() {
        List<GenerateRequest> requests = List.of(new GenerateRequest("Q1:", List.of("\n"), 32),
                new GenerateRequest("Q2:", List.of(",", "is"), 32), new GenerateRequest("Q3:", List.of("\n"), 8),
                new GenerateRequest("Q4:", List.of("\n"), 32));
        DirectExecution<Generation> c = run(new ByteLm(4096, SCRIPTS), 8192, requests);
        assertEquals(new Generation(" B", Generation.Finish.STOP, 3, false), c.get(0), "cut before the newline");
        assertEquals(" answer ", c.get(1).text(), "cut before the earliest stop string");
        assertEquals(new Generation(" looping", Generation.Finish.LENGTH, 8, false), c.get(2));
        assertEquals(new Generation(" done", Generation.Finish.END_OF_TEXT, 5, false), c.get(3));
    }

    @Test
    void theOutputIsTheSameWhateverTheBatch() {
        List<GenerateRequest> requests = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            requests.add(new GenerateRequest("x".repeat(i) + "Q" + (i % 4 + 1) + ":", List.of("\n"), 12));
        }
        ByteLm together = new ByteLm(4096, SCRIPTS);
        DirectExecution<Generation> a = run(together, 1 << 20, requests);
        ByteLm alone = new ByteLm(4096, SCRIPTS);
        DirectExecution<Generation> b = run(alone, 1, requests);
        assertTrue(together.stepBatchSizes.stream().anyMatch(n -> n > 1), "one budget batched rows together");
        assertTrue(alone.stepBatchSizes.stream().allMatch(n -> n == 1), "the other ran each row alone");
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(a.get(i), b.get(i));
        }
    }

    @Test
    void aLongContextIsLeftTruncatedToLeaveRoomForTheNewTokens() {
        ByteLm lm = new ByteLm(12, Map.of("", "ab"));
        DirectExecution<Generation> c = run(lm, 8192, List.of(new GenerateRequest("0123456789", List.of(), 4)));
        assertTrue(c.get(0).truncated());
        ProctorException e = assertThrows(ProctorException.class,
                () -> run(lm, 8192, List.of(new GenerateRequest("x", List.of(), 12))));
        assertTrue(e.getMessage().contains("leaves no room"), e.getMessage());
    }
}
