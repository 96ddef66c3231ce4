/**
 * Served models: {@code --model openai:URL[,URL...]} evaluates a model behind OpenAI-compatible servers (vLLM,
 * SGLang, {@code proctor serve}) on one or many machines. Endpoints are probed before any data is read; requests
 * spread over them with adaptive concurrency ({@link dev.proctor.model.openai.WorkPool}); failures are retried as the
 * OpenAI SDK retries them ({@link dev.proctor.model.openai.RetryPolicy}); every answer is checked before it is used,
 * and a malformed one is never scored. Responses go to the run's store as they arrive, so a killed run resumes.
 */
package dev.proctor.model.openai;
