package dev.proctor.tasks.mc;

import dev.proctor.api.task.ChatPrompting;
import dev.proctor.api.task.Subject;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.mc.ShotRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles {@code header + shots + query} for one subject and fits it by the protocol's own rule ({@link ShotRule}):
 * CMMLU's {@code gen_prompt}, hendrycks/test's drop-the-last-example loop, or lm-eval's never-drop (the scheduler
 * then keeps the last tokens of an input longer than the model's context). Under a chat template the prompt is the
 * template's rendering of the turns ({@link ChatPrompts}) and nothing is dropped, as in lm-evaluation-harness.
 */
public final class PromptBuilder {
    private final String task;
    private final Subject subject;
    private final McTemplate template;
    private final ContextBudget budget;
    private final ShotRule rule;
    private final int maxLength;
    private final ChatPrompting chat;

    /**
     * @param budget    null when no model is at hand: nothing is dropped, as the reference code does without a tokenizer
     * @param maxLength the official rules' max_length ({@code --max-length}), already capped at the model's context
     * @param chat      the chat template's use, or null for plain prompts
     */
    public PromptBuilder(String task, Subject subject, McTemplate template, ContextBudget budget, ShotRule rule,
                         int maxLength, ChatPrompting chat) {
        this.task = task;
        this.subject = subject;
        this.template = template;
        this.budget = budget;
        this.rule = rule;
        this.maxLength = maxLength;
        this.chat = chat;
    }

    public RenderedPrompt render(Item item, List<Item> shots) {
        String header = template.header(subject);
        if (chat != null) {
            List<String> answers = new ArrayList<>(item.choices().size());
            for (int i = 0; i < item.choices().size(); i++) {
                answers.add(template.answer(item, i));
            }
            String context = ChatPrompts.render(chat, template, header, shots, item);
            return rendered(item, context, answers, ShotRule.LM_EVAL_LEFT_TRUNCATE, shots.size(), shots.size(), false);
        }
        List<String> continuations = template.continuations(item);
        String query = template.ask(item);
        List<String> examples = new ArrayList<>(shots.size());
        for (Item shot : shots) {
            examples.add(template.shot(shot));
        }
        if (budget == null && rule != ShotRule.OPENCOMPASS_LINES) {
            return rendered(item, assemble(header, examples, query), continuations, examples.size(), shots.size(),
                    false);
        }
        return switch (rule) {
            case LM_EVAL_LEFT_TRUNCATE -> rendered(item, assemble(header, examples, query), continuations,
                    examples.size(), shots.size(), false);
            case MMLU_DROP_LAST -> dropLast(item, header, examples, query, continuations, shots.size());
            case CMMLU_GEN_PROMPT -> genPrompt(item, header, examples, query, continuations, shots.size());
            case OPENCOMPASS_LINES -> rendered(item, header + String.join("\n", examples) + "\n" + query, continuations,
                    examples.size(), shots.size(), false);
        };
    }

    /** hendrycks/test evaluate.py: {@code while crop(prompt) != prompt: k -= 1}, stopping at no examples. */
    private RenderedPrompt dropLast(Item item, String header, List<String> examples, String query,
                                    List<String> continuations, int asked) {
        int k = examples.size();
        String prompt = assemble(header, examples, query);
        while (k > 0 && budget.encodedLength(prompt) > maxLength) {
            k--;
            prompt = assemble(header, examples.subList(0, k), query);
        }
        return rendered(item, prompt, continuations, k, asked, false);
    }

    /**
     * CMMLU src/mp_utils.py {@code gen_prompt}: pieces are measured on their own; header and question longer than
     * max_length leave the question alone (no header); else every example tied for longest goes while the examples'
     * total is at least what header and question leave.
     */
    private RenderedPrompt genPrompt(Item item, String header, List<String> examples, String query,
                                     List<String> continuations, int asked) {
        int startEnd = budget.encodedLength(header) + budget.encodedLength(query);
        if (startEnd > maxLength) {
            return rendered(item, query, continuations, 0, asked, true);
        }
        List<String> kept = new ArrayList<>(examples);
        List<Integer> lengths = new ArrayList<>(kept.stream().map(budget::encodedLength).toList());
        while (!kept.isEmpty() && lengths.stream().mapToInt(Integer::intValue).sum() >= maxLength - startEnd) {
            int longest = lengths.stream().mapToInt(Integer::intValue).max().orElseThrow();
            for (int i = kept.size() - 1; i >= 0; i--) {
                if (lengths.get(i) == longest) {
                    kept.remove(i);
                    lengths.remove(i);
                }
            }
        }
        return rendered(item, assemble(header, kept, query), continuations, kept.size(), asked, false);
    }

    private RenderedPrompt rendered(Item item, String context, List<String> continuations, int used, int asked,
                                    boolean headerDropped) {
        return rendered(item, context, continuations, rule, used, asked, headerDropped);
    }

    private RenderedPrompt rendered(Item item, String context, List<String> continuations, ShotRule fitted, int used,
                                    int asked, boolean headerDropped) {
        boolean truncated = budget != null && budget.inputTokens(context, continuations) > budget.maxTokens();
        return new RenderedPrompt(task, subject.name(), item, context, continuations, fitted, used, asked - used,
                headerDropped, truncated);
    }

    private static String assemble(String header, List<String> shots, String query) {
        StringBuilder sb = new StringBuilder(header);
        shots.forEach(sb::append);
        return sb.append(query).toString();
    }
}
