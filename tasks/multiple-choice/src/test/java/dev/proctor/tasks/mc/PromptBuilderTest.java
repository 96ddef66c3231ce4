package dev.proctor.tasks.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.lm.ContextEncoding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {
    private final McTemplate template = new ToyMcTask().template(PromptFormat.LM_EVAL);
    private final Item query = item("q", "What?", 0);
    private final Item shortShot = item("s1", "Short one?", 1);
    private final Item longShot = item("s2", "A much, much longer worked example question than the others?", 2);
    private final Item midShot = item("s3", "A medium length question?", 3);
    private final List<Item> shots = List.of(shortShot, longShot, midShot);

    static Item item(String id, String question, int gold) {
        return new Item(id, "algebra", " " + question + " ", List.of("one", "two", "three", "four"), gold,
                new SourceLine(Path.of("f"), 1));
    }

    @Test
    void contextIsHeaderShotsQuery() {
        RenderedPrompt p = new PromptBuilder("toy", ToyMcTask.ALGEBRA, template, null).render(query, shots.subList(0, 1));
        assertEquals("About Algebra.\n\n"
                + "Short one?\nA. one\nB. two\nC. three\nD. four\nAnswer: B\n\n"
                + "What?\nA. one\nB. two\nC. three\nD. four\nAnswer:", p.context());
        assertEquals(List.of(" A", " B", " C", " D"), p.continuations());
        assertEquals(1, p.shotsUsed());
        assertFalse(p.truncated());
    }

    @Test
    void nothingIsDroppedWhenTheInputFitsExactly() {
        int full = inputLength(List.of(shortShot, longShot, midShot));
        RenderedPrompt p = builder(full).render(query, shots);
        assertEquals(3, p.shotsUsed());
        assertEquals(0, p.shotsDropped());
    }

    @Test
    void theLongestShotIsDroppedFirstAndTheOthersKeepTheirOrder() {
        int withoutLong = inputLength(List.of(shortShot, midShot));
        RenderedPrompt p = builder(withoutLong).render(query, shots);
        assertEquals(2, p.shotsUsed());
        assertEquals(1, p.shotsDropped());
        assertTrue(p.context().indexOf("Short one?") < p.context().indexOf("A medium length"), p.context());
        assertFalse(p.context().contains("much longer"));
        assertFalse(p.truncated());

        RenderedPrompt one = builder(withoutLong - 1).render(query, shots);
        assertEquals(1, one.shotsUsed());
        assertTrue(one.context().contains("Short one?") && !one.context().contains("medium"), one.context());
    }

    @Test
    void tooLongEvenWithoutShotsIsMarkedTruncated() {
        int bare = inputLength(List.of());
        RenderedPrompt fits = builder(bare).render(query, shots);
        assertEquals(0, fits.shotsUsed());
        assertFalse(fits.truncated());
        RenderedPrompt cut = builder(bare - 1).render(query, shots);
        assertEquals(0, cut.shotsUsed());
        assertEquals(3, cut.shotsDropped());
        assertTrue(cut.truncated());
    }

    private PromptBuilder builder(int maxTokens) {
        return new PromptBuilder("toy", ToyMcTask.ALGEBRA, template,
                new ModeBudget(new ContextEncoding(new BytesTokenizer(maxTokens)), ScoringMode.LOGLIK, 32));
    }

    /** lm-eval's input for the longest continuation: (ctx + cont)[:-1], one token per byte. */
    private int inputLength(List<Item> kept) {
        StringBuilder context = new StringBuilder(template.header(ToyMcTask.ALGEBRA));
        kept.forEach(s -> context.append(template.shot(s)));
        context.append(template.query(query));
        return (context + " A").getBytes(StandardCharsets.UTF_8).length - 1;
    }
}
