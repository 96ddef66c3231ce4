package dev.proctor.model.openai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EchoedTokensTest {
    private static JsonNode choice(String logprobs) throws Exception {
        return HttpApi.JSON.readTree("{\"index\":0,\"text\":\"ab\",\"logprobs\":" + logprobs + "}");
    }

    @Test
    void aWellFormedEchoGivesEachTokensLogprobTheBestAlternativeAndOffsets() throws Exception {
        EchoedTokens e = EchoedTokens.of(choice("{\"tokens\":[\"a\",\"b\",\"c\"],\"token_logprobs\":[null,-1.5,-0.25],"
                + "\"top_logprobs\":[null,{\"b\":-1.5,\"x\":-0.5},{\"c\":-0.25}],\"text_offset\":[0,1,2]}"), "s");
        assertTrue(Double.isNaN(e.logprobs()[0]), "nothing precedes the first token");
        assertEquals(-1.5, e.logprobs()[1]);
        assertEquals(-0.5, e.topMax()[1], "b was not the most likely: not greedy");
        assertEquals(-0.25, e.topMax()[2]);
        assertArrayEquals(new int[] {0, 1, 2}, e.offsets());
    }

    @Test
    void promptLogprobsAreReadByTokenIdAndCheckedAsEchoIs() throws Exception {
        int[] ids = {7, 8, 9};
        EchoedTokens e = EchoedTokens.ofPromptLogprobs(HttpApi.JSON.readTree("{\"prompt_logprobs\":[null,"
                + "{\"8\":{\"logprob\":-1.5,\"rank\":2,\"decoded_token\":\"b\"},\"3\":{\"logprob\":-0.5,\"rank\":1}},"
                + "{\"9\":{\"logprob\":-0.25,\"rank\":1,\"decoded_token\":\"c\"}}]}"), ids, "s");
        assertEquals(-1.5, e.logprobs()[1]);
        assertEquals(-0.5, e.topMax()[1], "token 3 was more likely: not greedy");
        assertEquals(-0.25, e.topMax()[2]);
        String[][] cases = {
            {"[null,{\"8\":{\"logprob\":-1}}]", "one entry per prompt token (3), holds 2"},
            {"[null,{\"5\":{\"logprob\":-1}},{\"9\":{\"logprob\":-1}}]", "no entry for the prompt token 8"},
            {"[null,{\"8\":{\"logprob\":0.5}},{\"9\":{\"logprob\":-1}}]", "must be finite and not positive"}};
        for (String[] c : cases) {
            ServerFailure f = assertThrows(ServerFailure.class, () -> EchoedTokens.ofPromptLogprobs(
                    HttpApi.JSON.readTree("{\"prompt_logprobs\":" + c[0] + "}"), ids, "s"));
            assertEquals(ServerFailure.Kind.MALFORMED, f.kind());
            assertTrue(f.getMessage().contains(c[1]), f.getMessage());
        }
    }

    @Test
    void everyMalformedShapeIsRefusedNamingWhatIsWrong() {
        String[][] cases = {
            {"null", "no logprobs object"},
            {"{\"tokens\":[\"a\",\"b\"],\"token_logprobs\":[null,-1],\"top_logprobs\":[null,{}]}", "lacks one of"},
            {"{\"tokens\":[\"a\",\"b\"],\"token_logprobs\":[null,-1,-2],\"top_logprobs\":[null,{}],\"text_offset\":[0,1]}",
                "differ in length"},
            {"{\"tokens\":[\"a\",\"b\"],\"token_logprobs\":[null,null],\"top_logprobs\":[null,{}],\"text_offset\":[0,1]}",
                "token_logprobs[1] is null, not a number"},
            {"{\"tokens\":[\"a\",\"b\"],\"token_logprobs\":[null,0.01],\"top_logprobs\":[null,{}],\"text_offset\":[0,1]}",
                "must be finite and not positive"},
            {"{\"tokens\":[\"a\",\"b\"],\"token_logprobs\":[null,-1],\"top_logprobs\":[null,{\"z\":\"NaN\"}],"
                + "\"text_offset\":[0,1]}", "top_logprobs[1] is \"NaN\""}};
        for (String[] c : cases) {
            ServerFailure f = assertThrows(ServerFailure.class, () -> EchoedTokens.of(choice(c[0]), "http://x/v1"));
            assertEquals(ServerFailure.Kind.MALFORMED, f.kind());
            assertTrue(f.getMessage().startsWith("http://x/v1 answered a malformed completion: ")
                    && f.getMessage().contains(c[1]), f.getMessage());
        }
    }

    @Test
    void endpointUrlsGainV1AndOthersAreRefused() {
        assertEquals(URI.create("http://h:8000/v1"), Endpoint.base("http://h:8000"));
        assertEquals(URI.create("http://h:8000/v1"), Endpoint.base("http://h:8000/v1/"));
        assertEquals(URI.create("https://h/api/v1"), Endpoint.base("https://h/api"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.base("h:8000"));
    }

    @Test
    void theLimitHalvesOnOverloadAndGrowsByOneARound() {
        AdaptiveLimit limit = new AdaptiveLimit(4, 8);
        for (int i = 0; i < 4; i++) {
            assertTrue(limit.tryAcquire());
        }
        assertTrue(!limit.tryAcquire(), "four in flight at most");
        limit.observe(true);
        assertEquals(2, limit.current());
        for (int i = 0; i < 100; i++) {
            limit.observe(false);
        }
        assertEquals(8, limit.current(), "bounded by the maximum");
    }
}
