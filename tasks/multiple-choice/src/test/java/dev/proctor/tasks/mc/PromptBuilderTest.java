package dev.proctor.tasks.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.ScoringMode;
import dev.proctor.api.task.SourceLine;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.mc.ShotRule;
import dev.proctor.lm.ContextEncoding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each protocol's rule for fitting few-shot prompts, on a one-token-per-byte tokenizer so every boundary can be
 * computed by hand.
 */
class PromptBuilderTest {
    private static final int CONTEXT = 100_000;
    private final McTemplate template = new ToyMcTask().template(PromptFormat.LM_EVAL);
    private final Item query = item("q", "What?", 0);
    private final Item shortShot = item("s1", "Short one?", 1);
    private final Item longShot = item("s2", "A much, much longer worked example question than the others?", 2);
    private final Item midShot = item("s3", "A medium length question?", 3);
    private final Item twinShot = item("s4", "A much, much longer worked example question than the others!", 0);
    private final List<Item> shots = List.of(shortShot, longShot, midShot);

    static Item item(String id, String question, int gold) {
        return new Item(id, "algebra", " " + question + " ", List.of("one", "two", "three", "four"), gold,
                new SourceLine(Path.of("f"), 1));
    }

    private int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private int header() {
        return bytes(template.header(ToyMcTask.ALGEBRA));
    }

    private int queryLength() {
        return bytes(template.query(query));
    }

    private int shot(Item s) {
        return bytes(template.shot(s));
    }

    private PromptBuilder builder(ShotRule rule, int maxLength, int context) {
        return new PromptBuilder("toy", ToyMcTask.ALGEBRA, template,
                new ModeBudget(new ContextEncoding(new BytesTokenizer(context)), ScoringMode.LOGLIK, 32), rule,
                maxLength, null);
    }

    @Test
    void contextIsHeaderShotsQuery() {
        RenderedPrompt p = new PromptBuilder("toy", ToyMcTask.ALGEBRA, template, null, ShotRule.CMMLU_GEN_PROMPT, 1, null)
                .render(query, shots.subList(0, 1));
        assertEquals("About Algebra.\n\n"
                + "Short one?\nA. one\nB. two\nC. three\nD. four\nAnswer: B\n\n"
                + "What?\nA. one\nB. two\nC. three\nD. four\nAnswer:", p.context());
        assertEquals(List.of(" A", " B", " C", " D"), p.continuations());
        assertEquals(1, p.shotsUsed(), "without a tokenizer nothing is dropped, as gen_prompt does with none");
        assertFalse(p.truncated());
    }

    @Test
    void cmmluRemovesEveryExampleTiedForLongestWhileTheExamplesReachWhatHeaderAndQuestionLeave() {
        int startEnd = header() + queryLength();
        List<Item> four = List.of(shortShot, longShot, midShot, twinShot);
        int all = four.stream().mapToInt(this::shot).sum();
        RenderedPrompt fits = builder(ShotRule.CMMLU_GEN_PROMPT, startEnd + all + 1, CONTEXT).render(query, four);
        assertEquals(4, fits.shotsUsed(), "sum < max_length - start_end: all kept");

        RenderedPrompt boundary = builder(ShotRule.CMMLU_GEN_PROMPT, startEnd + all, CONTEXT).render(query, four);
        assertEquals(2, boundary.shotsUsed(), "sum >= max_length - start_end: both longest go together");
        assertEquals(2, boundary.shotsDropped());
        assertTrue(boundary.context().indexOf("Short one?") < boundary.context().indexOf("A medium length"));
        assertFalse(boundary.context().contains("much longer"));
        assertFalse(boundary.headerDropped());

        int kept = shot(shortShot) + shot(midShot);
        RenderedPrompt one = builder(ShotRule.CMMLU_GEN_PROMPT, startEnd + kept, CONTEXT).render(query, four);
        assertEquals(1, one.shotsUsed());
        assertTrue(one.context().contains("Short one?") && !one.context().contains("medium"), one.context());
    }

    @Test
    void cmmluLeavesTheQuestionAloneWhenHeaderAndQuestionExceedMaxLength() {
        int startEnd = header() + queryLength();
        RenderedPrompt exact = builder(ShotRule.CMMLU_GEN_PROMPT, startEnd, CONTEXT).render(query, shots);
        assertFalse(exact.headerDropped(), "start_end > max_length, strictly, in gen_prompt");
        assertEquals(0, exact.shotsUsed(), "the examples' sum is >= 0 = what is left");
        RenderedPrompt over = builder(ShotRule.CMMLU_GEN_PROMPT, startEnd - 1, CONTEXT).render(query, shots);
        assertTrue(over.headerDropped());
        assertEquals(template.query(query), over.context());
        assertEquals(3, over.shotsDropped());
    }

    @Test
    void mmluDropsTheLastExampleWhileThePromptDoesNotFit() {
        int full = header() + shots.stream().mapToInt(this::shot).sum() + queryLength();
        assertEquals(3, builder(ShotRule.MMLU_DROP_LAST, full, CONTEXT).render(query, shots).shotsUsed());
        RenderedPrompt two = builder(ShotRule.MMLU_DROP_LAST, full - 1, CONTEXT).render(query, shots);
        assertEquals(2, two.shotsUsed(), "the last example goes, however short it is");
        assertTrue(two.context().contains("much longer") && !two.context().contains("medium"), two.context());
        RenderedPrompt none = builder(ShotRule.MMLU_DROP_LAST, 1, CONTEXT).render(query, shots);
        assertEquals(0, none.shotsUsed(), "stops at no examples (evaluate.py would loop on)");
    }

    @Test
    void lmEvalNeverDropsAndMarksAnInputLongerThanTheContextTruncated() {
        String context = template.header(ToyMcTask.ALGEBRA) + shots.stream().map(template::shot)
                .reduce("", String::concat) + template.query(query);
        int input = bytes(context + " A") - 1;
        RenderedPrompt fits = builder(ShotRule.LM_EVAL_LEFT_TRUNCATE, 10, input).render(query, shots);
        assertEquals(3, fits.shotsUsed(), "max_length does not apply to lm-eval's format");
        assertFalse(fits.truncated());
        RenderedPrompt cut = builder(ShotRule.LM_EVAL_LEFT_TRUNCATE, 10, input - 1).render(query, shots);
        assertEquals(3, cut.shotsUsed());
        assertTrue(cut.truncated());
    }
}
