package dev.proctor.tasks.mc;

import dev.proctor.api.task.ChatPrompting;
import dev.proctor.api.task.ChatTurn;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * A multiple-choice prompt as turns of a chat, built as lm-evaluation-harness's {@code fewshot_context} builds them
 * at 4e7e0d47: the system turn is the system instruction and the header joined by {@code maybe_delimit} with the
 * few-shot delimiter; each example is a user turn (its question) and an assistant turn (its answer); the question
 * asked is the last user turn. In one turn ({@code multiturn_to_singleturn}) the examples and the question are the
 * plain prompt's text, each question followed by the answer delimiter and each answer by the shot suffix. The
 * template then adds the assistant's opening, and the choices are scored right after it with no delimiter.
 */
final class ChatPrompts {
    private ChatPrompts() {
    }

    static String render(ChatPrompting chat, McTemplate template, String header, List<Item> shots, Item item) {
        return chat.template().render(turns(chat, template, header, shots, item));
    }

    static List<ChatTurn> turns(ChatPrompting chat, McTemplate template, String header, List<Item> shots, Item item) {
        String system = maybeDelimit(chat.systemInstruction().orElse(""), header, template.shotSuffix());
        List<Turn> turns = new ArrayList<>();
        for (Item shot : shots) {
            turns.add(new Turn("user", template.query(shot), template.answerDelimiter()));
            turns.add(new Turn("assistant", template.shotAnswer(shot), template.shotSuffix()));
        }
        turns.add(new Turn("user", template.query(item), ""));
        List<ChatTurn> out = new ArrayList<>();
        if (chat.fewShotAsMultiturn()) {
            turns.forEach(t -> out.add(new ChatTurn(t.role(), t.content())));
        } else {
            StringBuilder user = new StringBuilder();
            turns.forEach(t -> user.append(t.content()).append(t.delimiter()));
            out.add(new ChatTurn("user", user.toString()));
        }
        if (!system.isEmpty()) {
            if (chat.systemInUser()) {
                out.set(0, new ChatTurn("user", maybeDelimit(system, out.get(0).content(), template.shotSuffix())));
            } else {
                out.add(0, new ChatTurn("system", system));
            }
        }
        return out;
    }

    /** A turn and what follows it when the turns are run together as text ({@code Message._delimiter}). */
    private record Turn(String role, String content, String delimiter) {
    }

    /** lm-eval's {@code maybe_delimit}: the delimiter only where neither side has whitespace at the join. */
    static String maybeDelimit(String prefix, String suffix, String delimiter) {
        if (prefix.isEmpty()) {
            return suffix;
        }
        if (suffix.isEmpty()) {
            return prefix;
        }
        boolean spaced = isPythonSpace(prefix.charAt(prefix.length() - 1)) || isPythonSpace(suffix.charAt(0));
        return spaced ? prefix + suffix : prefix + delimiter + suffix;
    }

    private static boolean isPythonSpace(char c) {
        return UpstreamRules.PY_STRIP.matcher(String.valueOf(c)).matches();
    }
}
