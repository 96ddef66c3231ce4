package dev.proctor.core.request;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ScoreQuery;
import dev.proctor.api.task.Item;
import dev.proctor.api.task.SourceLine;
import dev.proctor.core.prompt.RenderedPrompt;
import dev.proctor.core.run.ScoringMode;
import dev.proctor.core.testkit.FakeLanguageModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBuilderTest {
    private static final Item ITEM = new Item("s/test/0", "s", "q", List.of("a", "b", "c", "d"), 0,
            new SourceLine(Path.of("f"), 1));

    static RenderedPrompt prompt(String context, List<String> continuations, boolean truncated) {
        return new RenderedPrompt("toy", "s", ITEM, context, continuations, 0, 0, truncated);
    }

    static int[] bytes(String s) {
        return new FakeLanguageModel().encode(s);
    }

    @Test
    void letterIsOneQueryAskingTheFirstContinuationTokenAtTheLastPosition() {
        RequestBuilder builder = new RequestBuilder(new FakeLanguageModel(), ScoringMode.LETTER);
        ItemRequest r = builder.build(prompt("Ctx:", List.of(" A", " B", " C", " D"), false));
        assertEquals(1, r.queries().size());
        ScoreQuery q = r.queries().get(0);
        assertArrayEquals(bytes("Ctx:"), q.tokens());
        assertArrayEquals(new int[] {3, 3, 3, 3}, q.positions());
        assertArrayEquals(new int[] {' ', ' ', ' ', ' '}, q.targets()); // first token of " A" is the space
        assertEquals(List.of(new ItemRequest.Ref(0, 2)), r.choices().get(2));
    }

    @Test
    void loglikWithMultiTokenContinuationsIsOneQueryPerChoiceOverContextAndContinuation() {
        RequestBuilder builder = new RequestBuilder(new FakeLanguageModel(), ScoringMode.LOGLIK);
        ItemRequest r = builder.build(prompt("Ctx:", List.of(" A", " BB"), false));
        assertEquals(2, r.queries().size());
        ScoreQuery b = r.queries().get(1);
        assertArrayEquals(bytes("Ctx: B"), b.tokens()); // (ctx + cont)[:-1]
        assertArrayEquals(new int[] {3, 4, 5}, b.positions());
        assertArrayEquals(bytes(" BB"), b.targets());
        assertEquals(List.of(new ItemRequest.Ref(1, 0), new ItemRequest.Ref(1, 1), new ItemRequest.Ref(1, 2)),
                r.choices().get(1));
    }

    @Test
    void loglikWithOneTokenContinuationsGivesIdenticalSequencesForReuse() {
        RequestBuilder builder = new RequestBuilder(new FakeLanguageModel(), ScoringMode.LOGLIK);
        ItemRequest r = builder.build(prompt("Ctx:", List.of("A", "B", "C", "D"), false));
        for (ScoreQuery q : r.queries()) {
            assertArrayEquals(bytes("Ctx:"), q.tokens());
            assertArrayEquals(new int[] {3}, q.positions());
        }
    }

    @Test
    void trailingWhitespaceOfTheContextMovesOntoTheContinuation() {
        RequestBuilder builder = new RequestBuilder(new FakeLanguageModel(), ScoringMode.LOGLIK);
        ScoreQuery q = builder.build(prompt("Ctx: \n", List.of("A"), false)).queries().get(0);
        assertArrayEquals(bytes("Ctx: \n"), q.tokens());
        assertArrayEquals(new int[] {3, 4, 5}, q.positions()); // context tokens are "Ctx:"
        assertArrayEquals(bytes(" \nA"), q.targets());
    }

    @Test
    void emptyContextBecomesEos() {
        RequestBuilder builder = new RequestBuilder(new FakeLanguageModel(), ScoringMode.LOGLIK);
        ScoreQuery q = builder.build(prompt("", List.of("AB"), false)).queries().get(0);
        assertArrayEquals(new int[] {FakeLanguageModel.EOS, 'A'}, q.tokens());
        assertArrayEquals(new int[] {0, 1}, q.positions());
    }

    @Test
    void overlongInputKeepsItsLastTokensAsLmEvalDoes() {
        int max = 6;
        RequestBuilder builder = new RequestBuilder(new FakeLanguageModel(max), ScoringMode.LOGLIK);
        String context = "0123456789";
        ItemRequest r = builder.build(prompt(context, List.of(" AB"), true));
        int[] whole = bytes(context + " AB");
        int[] expected = Arrays.copyOfRange(whole, whole.length - (max + 1), whole.length - 1); // [-(max+1):][:-1]
        ScoreQuery q = r.queries().get(0);
        assertArrayEquals(expected, q.tokens());
        assertArrayEquals(new int[] {3, 4, 5}, q.positions()); // logits before ' ', 'A', 'B'
        assertTrue(r.truncated());

        ItemRequest letter = new RequestBuilder(new FakeLanguageModel(max), ScoringMode.LETTER)
                .build(prompt(context, List.of(" A"), true));
        assertArrayEquals(bytes("456789"), letter.queries().get(0).tokens());
        assertEquals(5, letter.queries().get(0).positions()[0]);
    }

    @Test
    void truncationThePlanDidNotRecordIsRefused() {
        RequestBuilder builder = new RequestBuilder(new FakeLanguageModel(6), ScoringMode.LOGLIK);
        ProctorException e = assertThrows(ProctorException.class,
                () -> builder.build(prompt("0123456789", List.of(" A"), false)));
        assertTrue(e.getMessage().contains("not marked truncated"), e.getMessage());
        assertFalse(builder.build(prompt("0123", List.of(" A"), false)).truncated());
    }

    @Test
    void inputTokensIsTheLongestRequestBeforeTruncation() {
        RequestBuilder loglik = new RequestBuilder(new FakeLanguageModel(), ScoringMode.LOGLIK);
        assertEquals(4 + 3 - 1, loglik.inputTokens("Ctx:", List.of(" A", " BB")));
        RequestBuilder letter = new RequestBuilder(new FakeLanguageModel(), ScoringMode.LETTER);
        assertEquals(4, letter.inputTokens("Ctx:", List.of(" A", " BB")));
    }
}
