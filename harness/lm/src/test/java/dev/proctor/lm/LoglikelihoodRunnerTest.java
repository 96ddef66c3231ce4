package dev.proctor.lm;

import static dev.proctor.lm.ByteLm.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.model.DirectExecution;
import dev.proctor.api.request.Loglikelihood;
import dev.proctor.api.request.LoglikelihoodRequest;
import dev.proctor.api.request.RequestKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a log-likelihood request sends to a token-level model, rule for rule as lm-evaluation-harness encodes it, and
 * what comes back.
 */
class LoglikelihoodRunnerTest {

    private static DirectExecution<Loglikelihood> run(ByteLm lm, int budget, LoglikelihoodRequest... requests) {
        return DirectExecution.run(new CausalLmModel(lm), RequestKind.LOGLIKELIHOOD, List.of(requests), budget);
    }

    private static LoglikelihoodRequest letter(String context, String continuation) {
        return new LoglikelihoodRequest(context, continuation, true);
    }

    private static LoglikelihoodRequest whole(String context, String continuation) {
        return new LoglikelihoodRequest(context, continuation, false);
    }

    @Test
    void aQuestionsLettersShareOneSequenceAskingTheirFirstTokenAtTheLastPosition() {
        ByteLm lm = new ByteLm();
        DirectExecution<Loglikelihood> c = run(lm, 8192, letter("Ctx:", " A"), letter("Ctx:", " B"), letter("Ctx:", "C"));
        assertEquals(1, lm.scored.size());
        assertEquals(1, lm.scored.get(0).size(), "one forward pass for the question");
        ScoreQuery q = lm.scored.get(0).get(0);
        assertArrayEquals(bytes("Ctx:"), q.tokens());
        assertArrayEquals(new int[] {3, 3}, q.positions());
        assertArrayEquals(new int[] {' ', 'C'}, q.targets(), "the first token of \" A\" and \" B\" is the space");
        assertEquals(ByteLm.logProb(bytes("Ctx:"), 3, 'C'), c.get(2).logLikelihood(), 0.0);
        assertEquals(1, c.get(2).tokens());
    }

    @Test
    void aWholeContinuationIsScoredOnContextPlusContinuationMinusItsLastToken() {
        ByteLm lm = new ByteLm();
        DirectExecution<Loglikelihood> c = run(lm, 8192, whole("Ctx:", " BB"), whole("Ctx:", " BC"));
        assertEquals(1, lm.scored.get(0).size(), "\" BB\" and \" BC\" share (ctx + cont)[:-1]: one sequence");
        ScoreQuery q = lm.scored.get(0).get(0);
        assertArrayEquals(bytes("Ctx: B"), q.tokens());
        assertArrayEquals(new int[] {3, 4, 5, 5}, q.positions());
        assertArrayEquals(bytes(" BBC"), q.targets());
        int[] t = bytes("Ctx: BB");
        double sum = ByteLm.logProb(t, 3, ' ') + ByteLm.logProb(t, 4, 'B') + ByteLm.logProb(t, 5, 'B');
        assertEquals(sum, c.get(0).logLikelihood(), 1e-12);
        assertEquals(3, c.get(0).tokens());
        assertTrue(c.get(0).greedy(), "every scored token greedy (even ids are, in this toy)");
        assertFalse(c.get(1).greedy(), "'C' (67) is not");
    }

    @Test
    void oneTokenContinuationsOfOneContextAreOneForwardPass() {
        ByteLm lm = new ByteLm();
        run(lm, 8192, whole("Ctx:", "A"), whole("Ctx:", "B"), whole("Ctx:", "C"), whole("Ctx:", "D"));
        assertEquals(1, lm.scored.get(0).size());
        assertArrayEquals(bytes("ABCD"), lm.scored.get(0).get(0).targets());
    }

    @Test
    void trailingWhitespaceOfTheContextMovesOntoTheContinuationAndAnEmptyContextIsEndOfText() {
        ByteLm lm = new ByteLm();
        run(lm, 8192, whole("Ctx: \n", "A"), whole("", "AB"));
        ScoreQuery moved = lm.scored.get(0).stream().filter(q -> q.tokens().length == 6).findFirst().orElseThrow();
        assertArrayEquals(bytes("Ctx: \n"), moved.tokens());
        assertArrayEquals(new int[] {3, 4, 5}, moved.positions(), "the context's tokens are \"Ctx:\"");
        assertArrayEquals(bytes(" \nA"), moved.targets());
        ScoreQuery empty = lm.scored.get(0).stream().filter(q -> q.tokens().length == 2).findFirst().orElseThrow();
        assertArrayEquals(new int[] {ByteLm.EOS, 'A'}, empty.tokens());
    }

    @Test
    void anOverlongInputKeepsItsLastTokensAsLmEvalDoesAndSaysSo() {
        int max = 6;
        ByteLm lm = new ByteLm(max, java.util.Map.of());
        DirectExecution<Loglikelihood> c = run(lm, 8192, whole("0123456789", " AB"), letter("0123456789", " A"));
        int[] all = bytes("0123456789 AB");
        int[] expected = Arrays.copyOfRange(all, all.length - (max + 1), all.length - 1); // [-(max+1):][:-1]
        ScoreQuery q = lm.scored.get(0).stream().filter(x -> x.targets().length == 3).findFirst().orElseThrow();
        assertArrayEquals(expected, q.tokens());
        assertArrayEquals(new int[] {3, 4, 5}, q.positions());
        assertTrue(c.get(0).truncated() && c.get(1).truncated());
        ScoreQuery letter = lm.scored.get(0).stream().filter(x -> x.targets().length == 1).findFirst().orElseThrow();
        assertArrayEquals(bytes("456789"), letter.tokens());
    }

    @Test
    void resultsDoNotDependOnTheBatchBudget() {
        LoglikelihoodRequest[] requests = new LoglikelihoodRequest[12];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = whole("context " + "x".repeat(i) + ":", " choice " + (i % 4));
        }
        DirectExecution<Loglikelihood> big = run(new ByteLm(), 8192, requests);
        ByteLm one = new ByteLm();
        DirectExecution<Loglikelihood> small = run(one, 1, requests);
        assertEquals(12, one.scored.size(), "budget 1: one sequence per call");
        assertEquals(12, small.completions().size(), "each call's requests are reported when it returns");
        for (int i = 0; i < requests.length; i++) {
            assertEquals(big.get(i), small.get(i));
        }
    }
}
