package dev.proctor.tasks.mgt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.request.TokenStatistics;
import dev.proctor.lm.LogDistributions;
import dev.proctor.lm.TextStatistics;
import dev.proctor.tasks.mgt.detect.Detector;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The zero-shot statistics against the reference implementations' own numbers on the same logits
 * ({@code detector-fixtures.json}, written by {@code tasks/mgt/python/detector_fixtures.py} running DetectGPT's
 * run.py and Binoculars' metrics.py). The references return float32 where they cast ({@code get_rank}'s
 * {@code ranks.float()}, Binoculars' {@code .float().numpy()}), so those compare to float32's rounding; the others
 * to 1e-12.
 */
class DetectorReferenceTest {
    private static final double FLOAT32 = 2e-7;

    @Test
    void statisticsEqualDetectGptAndBinocularsOnTheSameLogits() throws Exception {
        JsonNode fixtures;
        try (InputStream in = getClass().getResourceAsStream("/detector-fixtures.json")) {
            fixtures = new ObjectMapper().readTree(in);
        }
        assertEquals(4, fixtures.get("cases").size());
        for (JsonNode c : fixtures.get("cases")) {
            int vocab = c.get("vocab").asInt();
            int[] tokens = ints(c.get("tokens"));
            LogDistributions observer = LogDistributions.of(floats(c.get("observerLogits")), vocab);
            LogDistributions performer = LogDistributions.of(floats(c.get("performerLogits")), vocab);
            TokenStatistics s = TextStatistics.of(tokens, new int[tokens.length], false, performer, observer);
            JsonNode dg = c.get("detectGpt");
            JsonNode bn = c.get("binoculars");
            String at = "case of " + tokens.length + " tokens";
            assertEquals(dg.get("ll").asDouble(), Detector.LOG_LIKELIHOOD.statistic(s), 1e-12, at);
            assertEquals(dg.get("entropy").asDouble(), Detector.ENTROPY.statistic(s), 1e-12, at);
            assertRelative(dg.get("logRank").asDouble(), Detector.LOG_RANK.statistic(s), at);
            assertRelative(bn.get("score").asDouble(), Detector.BINOCULARS.statistic(s), at);
            double ppl = -Detector.LOG_LIKELIHOOD.statistic(s);
            assertRelative(bn.get("ppl").asDouble(), ppl, at);
            assertRelative(bn.get("xPpl").asDouble(), ppl / Detector.BINOCULARS.statistic(s), at);
            // the aligned rule leaves out the last position, so it differs from the reference's wherever that
            // position's cross-entropy differs from the others' mean
            double aligned = Detector.BINOCULARS_ALIGNED.statistic(s);
            double mean = 0;
            for (int p = 0; p < tokens.length - 1; p++) {
                mean += s.crossEntropies()[p] / (tokens.length - 1);
            }
            assertEquals(ppl / mean, aligned, 1e-12, at);
        }
    }

    private static void assertRelative(double expected, double actual, String at) {
        assertEquals(expected, actual, FLOAT32 * Math.abs(expected), at);
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
