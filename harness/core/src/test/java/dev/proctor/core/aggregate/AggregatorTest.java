package dev.proctor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.core.result.Averaging;
import dev.proctor.core.result.GroupScore;
import dev.proctor.core.result.ItemResult;
import dev.proctor.core.result.SubjectScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed example. Task t: s1 (cat X) 3/4 correct, s2 (X, Y) 0/2, s3 (Y) 1/1. Task u: v 1/2 (no category).
 */
class AggregatorTest {
    private static final double EPS = 1e-12;

    static ItemResult item(String task, String subject, int i, boolean correct) {
        // gold 1; the model prefers choice 1 when correct, else choice 0
        double[] ll = correct ? new double[] {-2, -Math.log(2)} : new double[] {-1, -Math.log(2) * 3};
        return new ItemResult(task, subject, subject + "/" + i, "h", 0, ll, new int[] {1, 1}, new int[] {1, 1}, 1);
    }

    static List<ItemResult> results() {
        List<ItemResult> out = new ArrayList<>();
        boolean[] s1 = {true, true, false, true};
        for (int i = 0; i < s1.length; i++) {
            out.add(item("t", "s1", i, s1[i]));
        }
        out.add(item("u", "v", 0, true));
        out.add(item("t", "s2", 0, false));
        out.add(item("t", "s2", 1, false));
        out.add(item("t", "s3", 0, true));
        out.add(item("u", "v", 1, false));
        return out;
    }

    static final Map<String, List<String>> CATEGORIES = Map.of(
            "t/s1", List.of("X"), "t/s2", List.of("X", "Y"), "t/s3", List.of("Y"));

    @Test
    void subjectScores() {
        List<SubjectScore> subjects = Aggregator.aggregate(results(), CATEGORIES).subjects();
        assertEquals(List.of("t/s1", "u/v", "t/s2", "t/s3"),
                subjects.stream().map(s -> s.task() + "/" + s.subject()).toList());
        SubjectScore s1 = subjects.get(0);
        assertEquals(4, s1.n());
        assertEquals(0.75, s1.accuracy(), EPS);
        assertEquals(0.25, s1.stderrLmEval(), EPS); // sqrt(.75 * .25 / 3)
        assertEquals(Math.sqrt(0.75 * 0.25 / 4), s1.stderrBinomial(), EPS);
        assertEquals(0.75, s1.accuracyNorm(), EPS);
        SubjectScore s3 = subjects.get(3);
        assertEquals(1, s3.n());
        assertTrue(Double.isNaN(s3.stderrLmEval()));
        assertEquals(0.0, s3.stderrBinomial(), EPS);
        assertEquals(1.0, s3.goldBitsPerByte(), EPS); // -ln 2 nats over 1 byte = 1 bit
        assertEquals(3.0, subjects.get(2).goldBitsPerByte(), EPS);
    }

    @Test
    void groupsMacroAndMicroInDeterministicOrder() {
        List<GroupScore> groups = Aggregator.aggregate(results(), CATEGORIES).groups();
        assertEquals(List.of("t X MACRO", "t X MICRO", "t Y MACRO", "t Y MICRO", "t overall MACRO", "t overall MICRO",
                "u overall MACRO", "u overall MICRO"),
                groups.stream().map(g -> g.task() + " " + g.group() + " " + g.averaging()).toList());

        GroupScore xMacro = groups.get(0);
        assertEquals(0.375, xMacro.accuracy(), EPS); // (0.75 + 0) / 2
        assertEquals(0.125, xMacro.stderr(), EPS); // sqrt(0.25^2 + 0^2) / 2
        assertEquals(2, xMacro.subjects());
        assertEquals(6, xMacro.n());

        GroupScore xMicro = groups.get(1);
        assertEquals(Averaging.MICRO, xMicro.averaging());
        assertEquals(0.5, xMicro.accuracy(), EPS); // 3 / 6
        // pooled: (3*4*0.0625 + 1*2*0) / (6-2) / 6 = 0.03125
        assertEquals(Math.sqrt(0.03125), xMicro.stderr(), EPS);

        GroupScore overallMacro = groups.get(4);
        assertEquals((0.75 + 0 + 1) / 3, overallMacro.accuracy(), EPS);
        assertTrue(Double.isNaN(overallMacro.stderr())); // s3 has n = 1
        assertEquals(4.0 / 7, groups.get(5).accuracy(), EPS);
        assertEquals(7, groups.get(5).n());

        GroupScore uMicro = groups.get(7);
        assertEquals(0.5, uMicro.accuracy(), EPS);
        // one subject: pooled = (1*2*(0.25/1)) / (2-1) / 2 = 0.25 -> 0.5, the subject's lm-eval se
        assertEquals(0.5, uMicro.stderr(), EPS);
        assertEquals(0.5, groups.get(6).stderr(), EPS);
    }

    @Test
    void accNormAndAccBytesDivideByTheLabelLength() {
        // lengths 1 and 4: raw picks 0 (-2 > -3), per char picks 1 (-0.75 > -2), per byte picks 0 (-1 > -1.5)
        ItemResult r = new ItemResult("t", "s", "s/0", "h", 0, new double[] {-2, -3}, new int[] {1, 4},
                new int[] {2, 2}, 1);
        SubjectScore s = Aggregator.aggregate(List.of(r), Map.of()).subjects().get(0);
        assertEquals(0.0, s.accuracy());
        assertEquals(1.0, s.accuracyNorm());
        assertEquals(0.0, s.accuracyBytes());
    }
}
