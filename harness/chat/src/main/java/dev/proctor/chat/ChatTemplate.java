package dev.proctor.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import dev.proctor.datafiles.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Hugging Face chat template rendered with Jinjava, set up as transformers sets up Jinja2 for
 * {@code apply_chat_template}: {@code trim_blocks} and {@code lstrip_blocks} on (the latter done here, as Jinja2 does
 * it), Jinja2's whitespace control and operator precedence, the template's one trailing newline dropped
 * ({@code keep_trailing_newline} is false), {@code raise_exception(msg)} and the tokenizer's special tokens
 * ({@code bos_token}, {@code eos_token}, ...) bound. Jinjava records what Jinja2 would raise (an unknown method such as
 * Python's {@code str.startswith}, {@code raise_exception}) and goes on rendering; here any recorded error is fatal,
 * so a template that Jinjava cannot render exactly is refused, not rendered wrong.
 */
public final class ChatTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Jinja2's rules where Jinjava keeps older ones by default: {@code {{-} and {@code -}}} trim around expressions,
     * filters bind tighter than {@code +} ({@code content | trim + '<|eot_id|>'}), adjacent text stays one node.
     */
    private static final LegacyOverrides JINJA2_SEMANTICS = LegacyOverrides.newBuilder()
            .withUseTrimmingForNotesAndExpressions(true).withParseWhitespaceControlStrictly(true)
            .withUseNaturalOperatorPrecedence(true).withAllowAdjacentTextNodes(true).withKeepNullableLoopValues(true)
            .build();
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
        this.source = source;
        this.origin = origin;
        this.specialTokens = Map.copyOf(specialTokens);
        this.prepared = lstripBlocks(withoutTrailingNewline(source));
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(false)
                .withLegacyOverrides(JINJA2_SEMANTICS).build());
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception",
                ChatTemplate.class, "raiseException", String.class));
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
        Map<String, Object> bindings = new HashMap<>(specialTokens);
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
                errors.add((e.getLineno() > 0 ? "line " + e.getLineno() + ": " : "") + raised(e).orElse(e.getMessage()));
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

    /** The template's own refusal, where {@code raise_exception} caused the error (Jinjava wraps it). */
    private static Optional<String> raised(TemplateError error) {
        for (Throwable t = error.getException(); t != null; t = t.getCause()) {
            if (t instanceof ChatTemplateException c) {
                return Optional.of(c.getMessage());
            }
        }
        return Optional.empty();
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
