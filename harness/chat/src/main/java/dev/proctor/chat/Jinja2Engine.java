package dev.proctor.chat;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.Context.Library;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.objects.date.DateTimeProvider;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeStore;
import jinjava.de.odysseus.el.tree.impl.Builder.Feature;
import jinjava.de.odysseus.el.tree.impl.Cache;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ExpressionFactory;

/**
 * Jinjava set up as transformers sets up Jinja2 for {@code apply_chat_template}: Jinja2's whitespace, precedence and
 * dict semantics, {@code trim_blocks}, Python's str methods and slices ({@link PyMethods}, {@link Jinja2Parser}),
 * transformers' {@code tojson} and Jinja2's string filters ({@link Jinja2Filters}) and type tests
 * ({@link Jinja2Tests}), loop filters
 * ({@link Jinja2ForTag}), the {@code generation} tag, {@code raise_exception} and {@code strftime_now}, and output
 * written as Python writes it, never rendered twice ({@link Jinja2Output}). {@code lstrip_blocks} and the dropped
 * trailing newline are applied to the template text by {@link ChatTemplate}.
 */
final class Jinja2Engine extends Jinjava {
    /**
     * Jinja2's rules where Jinjava keeps older ones by default: {@code {{-} and {@code -}}} trim around expressions,
     * filters bind tighter than {@code +} ({@code content | trim + '<|eot_id|>'}), adjacent text stays one node, a
     * dict iterates over its keys and a dict literal's keys are expressions.
     */
    private static final LegacyOverrides JINJA2_SEMANTICS = LegacyOverrides.newBuilder()
            .withUseTrimmingForNotesAndExpressions(true).withParseWhitespaceControlStrictly(true)
            .withUseNaturalOperatorPrecedence(true).withAllowAdjacentTextNodes(true).withKeepNullableLoopValues(true)
            .withIterateOverMapKeys(true).withEvaluateMapKeys(true)
            .build();

    /** Python's methods first; what they leave (attributes of dicts, loop variables, ...) to Jinjava's read-only ones. */
    private static final CompositeELResolver RESOLVER = new CompositeELResolver();

    static {
        RESOLVER.add(new PyMethods());
        RESOLVER.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
    }

    /**
     * What Jinjava has and Jinja2 lacks, refused as Jinja2 refuses it: filters such as {@code render} (which would
     * render a message as a template), {@code fromjson} or {@code regex_replace}, tests such as {@code within}, the
     * tags {@code do}, {@code print}, {@code unless}, {@code cycle}, {@code ifchanged}, and the tags that read other
     * templates ({@code include}, {@code import}, {@code from}, {@code extends}: transformers' environment has no
     * loader), and functions such as {@code today()}.
     */
    private static final Map<Library, Set<String>> NOT_JINJA2 = Map.of(
            Library.FILTER, Set.of("add", "allow_snake_case", "b64decode", "b64encode", "between_times", "bool", "cut",
                    "date", "datetimeformat", "difference", "divide", "divisible", "escape_jinjava", "escapejs",
                    "escapejson", "format_date", "format_datetime", "format_number", "format_time", "fromjson",
                    "fromyaml", "intersect", "ipaddr", "ipv4", "ipv6", "log", "md5", "minus_time", "multiply",
                    "plus_time", "regex_replace", "render", "root", "shuffle", "split", "strtodate", "strtotime",
                    "symmetric_difference", "toyaml", "truncatehtml", "unescape_html", "union", "unixtimestamp",
                    "urldecode"),
            Library.EXP_TEST, Set.of("containing", "containingall", "string_containing", "string_startingwith",
                    "within"), // not "truthy": Jinjava's selectattr uses it
            Library.TAG, Set.of("cycle", "do", "ifchanged", "print", "unless", "include", "import", "from",
                    "extends"),
            Library.FUNCTION, Set.of(":datetimeformat", ":format_date", ":format_datetime", ":format_time",
                    ":strtodate", ":strtotime", ":super", ":today", ":truncate", ":type", ":unixtimestamp"));

    /** Expressions read by {@link Jinja2Parser}, with the features Jinjava's own factory has. */
    private final ExpressionFactory expressions = new ExpressionFactoryImpl(new TreeStore(
            new Jinja2Parser.SyntaxBuilder(Feature.METHOD_INVOCATIONS, Feature.VARARGS), new Cache(1000)),
            new TruthyTypeConverter());

    /**
     * @param clock what {@code strftime_now} reads
     * @param zone  the zone it reads the clock in (Python's {@code datetime.now()} is local time)
     */
    Jinja2Engine(DateTimeProvider clock, ZoneId zone) {
        super(JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(false)
                .withLegacyOverrides(JINJA2_SEMANTICS).withNestedInterpretationEnabled(false)
                .withElResolver(RESOLVER).withExecutionMode(Jinja2Output.MODE)
                .withEnableRecursiveMacroCalls(true).withDisabled(NOT_JINJA2)
                .withDateTimeProvider(clock).withTimeZone(zone).build());
        Context globals = getGlobalContext();
        globals.registerFunction(new ELFunctionDefinition("", "raise_exception", ChatTemplate.class,
                "raiseException", String.class));
        globals.registerFunction(new ELFunctionDefinition("", "strftime_now", ChatTemplate.class,
                "strftimeNow", String.class));
        Jinja2Filters.ALL.forEach(globals::registerFilter);
        Jinja2Tests.ALL.forEach(globals::registerExpTest);
        globals.registerTag(new Jinja2ForTag());
        globals.registerTag(new GenerationTag());
    }

    @Override
    public ExpressionFactory getExpressionFactory() {
        return expressions;
    }
}
