package dev.proctor.cli;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.task.ChatFormat;
import dev.proctor.api.task.ChatPrompting;
import dev.proctor.api.task.ChatTurn;
import dev.proctor.chat.ChatMessage;
import dev.proctor.chat.ChatTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How prompts are put to a chat model: lm-evaluation-harness's chat options, under Proctor's names. */
final class ChatOptions {
    @Option(names = "--apply-chat-template",
            description = "Render every prompt with the model's chat template (--chat-template, else chat_template of"
                    + " tokenizer_config.json in the model's or its tokenizer's directory): the task's description is"
                    + " the system turn, the question the user turn, the answer scored right after the assistant's"
                    + " opening (lm-evaluation-harness --apply_chat_template).")
    boolean apply;

    @Option(names = "--chat-template", paramLabel = "FILE",
            description = "With --apply-chat-template: a Jinja chat template, or a tokenizer_config.json holding one.")
    Path templateFile;

    @Option(names = "--system-instruction", paramLabel = "TEXT",
            description = "With --apply-chat-template: text put before the task's description in the system turn.")
    String systemInstruction;

    @Option(names = "--fewshot-as-multiturn",
            description = "With --apply-chat-template: each few-shot example a user turn and its answer an assistant"
                    + " turn, instead of one user turn holding them all.")
    boolean fewShotAsMultiturn;

    @Option(names = "--system-in-user",
            description = "With --apply-chat-template: open the first user turn with the system text, for templates"
                    + " that refuse a system role (lm-evaluation-harness drops the system turn, and the task's"
                    + " description with it).")
    boolean systemInUser;

    /** The chat prompting asked for, if any; the template is found now, so a missing one fails before any work. */
    Optional<ChatPrompting> resolve(ModelSpec model) {
        if (!apply) {
            if (templateFile != null || systemInstruction != null || fewShotAsMultiturn || systemInUser) {
                throw new ProctorException("--chat-template, --system-instruction, --fewshot-as-multiturn and"
                        + " --system-in-user apply to chat prompts: add --apply-chat-template");
            }
            return Optional.empty();
        }
        ChatTemplate template = ChatTemplates.find(templateFile, model).orElseThrow(() -> new ProctorException(
                "--apply-chat-template: model " + model + " has no tokenizer_config.json with a chat_template in its"
                        + " directory (or in --model-arg tokenizer=DIR); give the template with --chat-template FILE"));
        return Optional.of(new ChatPrompting(new Format(template), Optional.ofNullable(systemInstruction),
                fewShotAsMultiturn, systemInUser));
    }

    /** A {@link ChatTemplate} as tasks see it: the turns rendered with the assistant's opening. */
    private record Format(ChatTemplate template) implements ChatFormat {
        @Override
        public String render(List<ChatTurn> turns) {
            return template.render(turns.stream().map(t -> new ChatMessage(t.role(), t.content())).toList(), true);
        }

        @Override
        public String origin() {
            return template.origin();
        }

        @Override
        public String sha256() {
            return template.sha256();
        }
    }
}
