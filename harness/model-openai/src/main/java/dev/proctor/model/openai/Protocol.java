package dev.proctor.model.openai;

/**
 * How requests are put to the servers, settled by the probes and the options.
 *
 * @param promptLogprobs log-likelihoods from vLLM's {@code prompt_logprobs} (token ids needed) rather than from
 *                       {@code echo} with {@code logprobs}
 * @param echoMaxTokens  the {@code max_tokens} sent with {@code echo} (0 where the server takes it, else 1)
 * @param generateVia    the endpoint that generates
 * @param seed           sent with every request, with temperature 0
 */
record Protocol(boolean promptLogprobs, int echoMaxTokens, GenerateVia generateVia, long seed) {
    /** For provenance: which way log-likelihoods and generations are asked for. */
    String describe() {
        return (promptLogprobs ? "log-likelihoods from prompt_logprobs" : "log-likelihoods from echo with logprobs")
                + "; generation by " + (generateVia == GenerateVia.CHAT
                ? "/v1/chat/completions (the prompt as one user message, in the server's chat template)"
                : "/v1/completions");
    }
}
