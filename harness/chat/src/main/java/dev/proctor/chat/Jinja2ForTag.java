package dev.proctor.chat;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter.InterpreterScopeClosable;
import com.hubspot.jinjava.lib.tag.ElseTag;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.util.ForLoop;
import com.hubspot.jinjava.util.ObjectIterator;
import com.hubspot.jinjava.util.ObjectTruthValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * Jinjava's {@code for} with two of Jinja2's clauses it lacks: the loop filter,
 * {@code {% for key, val in tool.items() if key != "return" %}} (Mistral's templates), whose rejected items are
 * skipped before the loop starts so that {@code loop.index} and {@code loop.last} count only the kept ones; and
 * {@code {% else %}}, rendered only when nothing was looped over. Jinjava reads the condition as part of the iterable
 * expression and keeps every item, and renders neither or both sides of the else. A string is looped over by
 * character, as in Python (Jinjava loops once, over the whole string).
 */
final class Jinja2ForTag extends ForTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String interpretUnchecked(TagNode tagNode, JinjavaInterpreter interpreter) {
        var varsAndExpression = getLoopVarsAndExpression((TagToken) tagNode.getMaster());
        String expression = varsAndExpression.getRight();
        int filterAt = loopFilter(expression);
        int elseAt = elseAt(tagNode);
        List<String> vars = varsAndExpression.getLeft();
        Object collection = interpreter.resolveELExpression(
                filterAt < 0 ? expression : expression.substring(0, filterAt), tagNode.getLineNumber());
        if (collection instanceof CharSequence text) { // Python iterates a string's characters; Jinjava takes it whole
            collection = PyArgs.iterate(text);
        }
        String condition = filterAt < 0 ? null : expression.substring(filterAt + "if".length());
        List<Object> kept = new ArrayList<>();
        ForLoop items = ObjectIterator.getLoop(collection);
        while (items.hasNext()) {
            Object item = interpreter.wrap(items.next());
            if (condition == null || accepts(interpreter, vars, item, condition, tagNode.getLineNumber())) {
                kept.add(item);
            }
        }
        if (elseAt < 0) {
            return renderForCollection(tagNode, interpreter, vars, kept);
        }
        List<Node> children = tagNode.getChildren();
        if (kept.isEmpty()) {
            return render(children.subList(elseAt + 1, children.size()), interpreter);
        }
        TagNode body = new TagNode(this, (TagToken) tagNode.getMaster(), tagNode.getSymbols());
        body.setParent(tagNode.getParent());
        body.setChildren(new LinkedList<>(children.subList(0, elseAt)));
        return renderForCollection(body, interpreter, vars, kept);
    }

    private static boolean accepts(JinjavaInterpreter interpreter, List<String> vars, Object item, String condition,
            int line) {
        try (InterpreterScopeClosable scope = interpreter.enterScope()) {
            bind(interpreter, vars, item);
            return ObjectTruthValue.evaluate(interpreter.resolveELExpression(condition, line));
        }
    }

    /** Where this loop's own {@code {% else %}} is among its children (not one of a nested if), or -1. */
    private static int elseAt(TagNode tagNode) {
        List<Node> children = tagNode.getChildren();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof TagNode t && t.getTag() instanceof ElseTag) {
                return i;
            }
        }
        return -1;
    }

    private static String render(List<Node> nodes, JinjavaInterpreter interpreter) {
        StringBuilder out = new StringBuilder();
        try (InterpreterScopeClosable scope = interpreter.enterScope()) {
            for (Node node : nodes) {
                out.append(node.render(interpreter).getValue());
            }
        }
        return out.toString();
    }

    /** Where the loop filter's {@code if} starts: the first one outside quotes and brackets, or -1. */
    static int loopFilter(String expression) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0) {
                depth--;
            } else if (depth == 0 && expression.startsWith("if", i) && i > 0
                    && Character.isWhitespace(expression.charAt(i - 1)) && i + 2 < expression.length()
                    && Character.isWhitespace(expression.charAt(i + 2))) {
                return i;
            }
        }
        return -1;
    }

    /** The loop variables for one item: the item itself, or unpacked from a (key, value) pair or a list. */
    private static void bind(JinjavaInterpreter interpreter, List<String> vars, Object item) {
        if (vars.size() == 1) {
            interpreter.getContext().put(vars.get(0), item);
            return;
        }
        List<?> parts = item instanceof Map.Entry<?, ?> e ? Arrays.asList(e.getKey(), e.getValue())
                : item instanceof List<?> list ? list : null;
        if (parts == null || parts.size() != vars.size()) {
            throw new PyError("cannot unpack " + PyRepr.typeName(item) + " into " + vars.size()
                    + " loop variables");
        }
        for (int i = 0; i < vars.size(); i++) {
            interpreter.getContext().put(vars.get(i), parts.get(i));
        }
    }
}
