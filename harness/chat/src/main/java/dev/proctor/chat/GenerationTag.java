package dev.proctor.chat;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter.InterpreterScopeClosable;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;

/**
 * transformers' {@code {% generation %}...{% endgeneration %}} (its AssistantTracker extension, used by SmolLM3 and
 * others to mark the assistant's text): renders its body, in a scope of its own as Jinja2's call block does. Where
 * the body lands matters only for an assistant-token mask, which a prompt does not need.
 */
final class GenerationTag implements Tag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return "generation";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        StringBuilder out = new StringBuilder();
        try (InterpreterScopeClosable scope = interpreter.enterScope()) {
            for (Node child : tagNode.getChildren()) {
                out.append(child.render(interpreter).getValue());
            }
        }
        return out.toString();
    }
}
