package dev.proctor.tasks.mc;

import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.mc.McTemplate;
import dev.proctor.api.task.Subject;
import java.util.ArrayList;
import java.util.List;

/** Assembles {@code header + shots + query} for one subject and fits it into the model's context. */
public final class PromptBuilder {
    private final String task;
    private final Subject subject;
    private final McTemplate template;
    private final ContextBudget budget;

    /** @param budget null when no model is at hand (nothing is dropped or truncated) */
    public PromptBuilder(String task, Subject subject, McTemplate template, ContextBudget budget) {
        this.task = task;
        this.subject = subject;
        this.template = template;
        this.budget = budget;
    }

    public RenderedPrompt render(Item item, List<Item> shots) {
        List<String> continuations = template.continuations(item);
        String header = template.header(subject);
        String query = template.query(item);
        List<String> kept = new ArrayList<>(shots.size());
        for (Item shot : shots) {
            kept.add(template.shot(shot));
        }
        String context = assemble(header, kept, query);
        if (budget == null) {
            return new RenderedPrompt(task, subject.name(), item, context, continuations, kept.size(), 0, false);
        }
        // CMMLU's rule: drop the longest example first, keep the others in order.
        List<Integer> shotTokens = null; // counted only when something must go
        int input = budget.inputTokens(context, continuations);
        while (input > budget.maxTokens() && !kept.isEmpty()) {
            if (shotTokens == null) {
                shotTokens = new ArrayList<>(kept.stream().map(budget::tokens).toList());
            }
            int longest = longest(shotTokens);
            kept.remove(longest);
            shotTokens.remove(longest);
            context = assemble(header, kept, query);
            input = budget.inputTokens(context, continuations);
        }
        boolean truncated = input > budget.maxTokens();
        return new RenderedPrompt(task, subject.name(), item, context, continuations, kept.size(),
                shots.size() - kept.size(), truncated);
    }

    /** Index of the shot with the most tokens; the earliest one on ties. */
    private static int longest(List<Integer> tokens) {
        int best = 0;
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i) > tokens.get(best)) {
                best = i;
            }
        }
        return best;
    }

    private static String assemble(String header, List<String> shots, String query) {
        StringBuilder sb = new StringBuilder(header);
        shots.forEach(sb::append);
        return sb.append(query).toString();
    }
}
