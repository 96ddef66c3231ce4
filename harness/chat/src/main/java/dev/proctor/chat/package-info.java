/**
 * Chat templates: a model's Hugging Face chat template (Jinja, from {@code tokenizer_config.json} or a file) rendered
 * in Java as transformers renders it, with every render error fatal, so a chat prompt is never silently wrong.
 */
package dev.proctor.chat;
