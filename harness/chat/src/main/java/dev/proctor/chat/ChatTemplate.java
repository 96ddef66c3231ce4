package dev.proctor.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.objects.date.DateTimeProvider;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Hugging Face chat template rendered with Jinjava as transformers renders it with Jinja2 for
 * {@code apply_chat_template} ({@link Jinja2Engine} has the details): {@code trim_blocks} and {@code lstrip_blocks} on
 * (the latter done here, as Jinja2 does it), the template's one trailing newline dropped ({@code keep_trailing_newline}
 * is false), Python's str methods and slices, transformers' {@code tojson}, {@code raise_exception(msg)},
 * {@code strftime_now(fmt)} and the tokenizer's special tokens ({@code bos_token}, {@code eos_token}, ...) bound.
 * Jinjava records what Jinja2 would raise and goes on rendering; here any recorded error is fatal, so a template that
 * Jinjava cannot render exactly is refused, not rendered wrong.
 */
public final class ChatTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bound by {@link #render}'s own parameters, so not again by its variables (Python would refuse them twice). */
    private static final Set<String> OWN_PARAMETERS = Set.of("messages", "add_generation_prompt");
    /** Spaces and tabs that open a line before a block or comment tag without its own whitespace control. */
    private static final Pattern LINE_INDENT_BEFORE_TAG = Pattern.compile("(?m)^[ \\t]+(?=\\{[%#](?![+-]))");

    private final String source;
    private final String prepared;
    private final String origin;
    private final Map<String, String> specialTokens;
    private final Jinjava jinjava;

    /**
     * @param source        the template text
     * @param origin        where it came from, for messages
     * @param specialTokens names such as {@code bos_token} and their text
     */
    public ChatTemplate(String source, String origin, Map<String, String> specialTokens) {
        this(source, origin, specialTokens, System::currentTimeMillis, ZoneId.systemDefault());
    }

    /** A template whose {@code strftime_now} reads this clock in this zone (tests fix them). */
    ChatTemplate(String source, String origin, Map<String, String> specialTokens, DateTimeProvider clock,
            ZoneId zone) {
        this.source = source;
        this.origin = origin;
        this.specialTokens = Map.copyOf(specialTokens);
        this.prepared = lstripBlocks(withoutTrailingNewline(source));
        this.jinjava = new Jinja2Engine(clock, zone);
    }

    /** The template in a file ({@code --chat-template FILE}), with the special tokens of the tokenizer config beside. */
    public static ChatTemplate fromFile(Path file, Map<String, String> specialTokens) {
        try {
            return new ChatTemplate(Files.readString(file, StandardCharsets.UTF_8), file.toString(), specialTokens);
        } catch (IOException e) {
            throw new ChatTemplateException("cannot read the chat template " + file + ": " + e.getMessage());
        }
    }

    /**
     * The {@code chat_template} of a {@code tokenizer_config.json} (a string, or a list of named templates of which
     * {@code default} is taken), if it has one.
     */
    public static Optional<ChatTemplate> fromTokenizerConfig(Path config) {
        JsonNode root = read(config);
        JsonNode template = root.get("chat_template");
        if (template == null || template.isNull()) {
            return Optional.empty();
        }
        String text = null;
        if (template.isTextual()) {
            text = template.asText();
        } else if (template.isArray()) {
            for (JsonNode named : template) {
                if ("default".equals(named.path("name").asText())) {
                    text = named.path("template").asText(null);
                }
            }
        }
        if (text == null) {
            throw new ChatTemplateException(config + ": chat_template is neither a string nor a list holding a"
                    + " template named 'default'");
        }
        return Optional.of(new ChatTemplate(text, config + " (chat_template)", specialTokens(config)));
    }

    /**
     * The special tokens a {@code tokenizer_config.json} names ({@code bos_token}, {@code eos_token}, ...), each a
     * string or an added-token object whose {@code content} is the text; none where the file is absent.
     */
    public static Map<String, String> specialTokens(Path config) {
        if (!Files.isRegularFile(config)) {
            return Map.of();
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        read(config).fields().forEachRemaining(e -> {
            if (e.getKey().endsWith("_token")) {
                JsonNode v = e.getValue();
                if (v.isTextual()) {
                    tokens.put(e.getKey(), v.asText());
                } else if (v.path("content").isTextual()) {
                    tokens.put(e.getKey(), v.get("content").asText());
                }
            }
        });
        return tokens;
    }

    /**
     * The prompt for these messages.
     *
     * @param addGenerationPrompt end with the assistant turn's opening, as a model about to answer needs
     * @throws ChatTemplateException when the template raises or Jinjava records any error
     */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        return render(messages, addGenerationPrompt, Map.of());
    }

    /**
     * The prompt for these messages with more of {@code apply_chat_template}'s keyword arguments: {@code tools} and
     * {@code documents} (lists of JSON-like maps; unbound, so None, when absent) and any variable the template reads
     * ({@code date_string}, {@code enable_thinking}, ...). As in transformers they override special tokens of the same
     * name. Values are what JSON holds: strings, numbers, booleans, null, lists and maps.
     *
     * @throws IllegalArgumentException where {@code variables} names {@code messages} or {@code add_generation_prompt}
     * @throws ChatTemplateException    when the template raises or Jinjava records any error
     */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt, Map<String, ?> variables) {
        for (String own : OWN_PARAMETERS) {
            if (variables.containsKey(own)) {
                throw new IllegalArgumentException("'" + own + "' is a parameter of render, not a variable");
            }
        }
        Map<String, Object> bindings = new HashMap<>(specialTokens);
        bindings.putAll(variables);
        List<Map<String, Object>> turns = new ArrayList<>();
        for (ChatMessage m : messages) {
            Map<String, Object> turn = new LinkedHashMap<>();
            turn.put("role", m.role());
            turn.put("content", m.content());
            turns.add(turn);
        }
        bindings.put("messages", turns);
        bindings.put("add_generation_prompt", addGenerationPrompt);
        RenderResult result = jinjava.renderForResult(prepared, bindings);
        if (result.hasErrors()) {
            List<String> errors = new ArrayList<>();
            for (TemplateError e : result.getErrors()) {
                errors.add((e.getLineno() > 0 ? "line " + e.getLineno() + ": " : "") + raised(e).orElse(describe(e)));
            }
            throw new ChatTemplateException("the chat template " + origin + " did not render: "
                    + String.join("; ", errors));
        }
        return result.getOutput();
    }

    /** The template text's SHA-256, for provenance. */
    public String sha256() {
        return Sha256.of(source);
    }

    /** Where the template came from. */
    public String origin() {
        return origin;
    }

    /** {@code raise_exception(msg)} as transformers defines it: the template refuses the conversation. */
    public static String raiseException(String message) {
        throw new ChatTemplateException("the chat template raised: " + message);
    }

    /**
     * {@code strftime_now(format)} as transformers defines it: the render's current local time, formatted as Python's
     * {@code strftime} does. (Public only because Jinjava calls template functions by reflection.)
     */
    public static String strftimeNow(String format) {
        return Strftime.now(format);
    }

    /** The template's own refusal, where {@code raise_exception} caused the error (Jinjava wraps it). */
    private static Optional<String> raised(TemplateError error) {
        for (Throwable t = error.getException(); t != null; t = t.getCause()) {
            if (t instanceof ChatTemplateException c) {
                return Optional.of(c.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Jinjava's message, with the cause it leaves out ("Error invoking function ...") appended. */
    private static String describe(TemplateError error) {
        Throwable root = error.getException();
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(error.getMessage());
        return root == null || root.getMessage() == null || message.contains(root.getMessage()) ? message
                : message + ": " + root.getMessage();
    }

    /**
     * Jinja2's {@code lstrip_blocks}: the spaces and tabs between the start of a line and a block tag are removed.
     * Jinjava's own option also removes them after text on the same line ({@code hello {% if %}} loses its space,
     * jinjava#1230), so the template is stripped here, line by line, and Jinjava's option stays off.
     */
    static String lstripBlocks(String text) {
        return LINE_INDENT_BEFORE_TAG.matcher(text).replaceAll("");
    }

    /** Jinja2 with {@code keep_trailing_newline} false drops one newline at the end of the template. */
    static String withoutTrailingNewline(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static JsonNode read(Path config) {
        try {
            return JSON.readTree(config.toFile());
        } catch (IOException e) {
            throw new ChatTemplateException("cannot read the tokenizer config " + config + ": " + e.getMessage());
        }
    }
}
