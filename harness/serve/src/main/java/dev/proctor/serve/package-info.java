/**
 * {@code proctor serve}: any causal LM Proctor loads, behind an OpenAI-compatible API in vLLM's request and response
 * shapes ({@code /v1/completions} with echo, logprobs and prompt_logprobs; {@code /v1/models}; {@code /health}), so the
 * served-model backend can be tested against a real server and a model can be evaluated from another machine. The
 * model runs on one engine thread that batches concurrent requests by the token budget; generation and scoring are the
 * harness's own, so a served model answers exactly what the local one does.
 */
package dev.proctor.serve;
