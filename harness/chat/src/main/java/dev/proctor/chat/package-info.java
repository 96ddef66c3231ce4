/**
 * Chat templates: a model's Hugging Face chat template (Jinja, from {@code tokenizer_config.json} or a file) rendered
 * in Java as transformers renders it, with every render error fatal, so a chat prompt is never silently wrong.
 *
 * <p>{@link dev.proctor.chat.ChatTemplate} is the entry point. Underneath, Jinjava is bent to Jinja2's rules as
 * transformers configures them: {@code Jinja2Engine} (configuration, sandbox, globals), {@code Jinja2Parser}
 * (precedence, keyword arguments, slices, unknown filters), {@code Jinja2ForTag} (loop filters, for-else),
 * {@code Jinja2Filters}/{@code Jinja2Tests}, {@code Jinja2Output} (how values print); and Python's own semantics in
 * the {@code Py*} classes: {@code PyStr} (str methods), {@code PyMethods} (method calls on strings, dicts, lists),
 * {@code PyJson} (transformers' {@code tojson}), {@code PyRepr} ({@code str()}/{@code repr()}), {@code PySlice},
 * {@code PyBinary} ({@code and}, {@code or}, {@code ~}). The test {@code ChatTemplateParityTest} renders published
 * templates against fixtures written by transformers' own environment ({@code harness/chat/python/render_fixtures.py}).
 */
package dev.proctor.chat;
