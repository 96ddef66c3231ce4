package dev.proctor.stats.io;

/**
 * A task or one of its subjects, written as on the command line: {@code cmmlu} or {@code cmmlu:agronomy}.
 *
 * @param task    task name
 * @param subject subject name, or null for the whole task
 */
public record Selection(String task, String subject) {

    public static Selection parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? new Selection(text.strip(), null)
                : new Selection(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
    }

    public boolean matches(ItemOutcome item) {
        return matches(item.task(), item.subject());
    }

    public boolean matches(String itemTask, String itemSubject) {
        return task.equals(itemTask) && (subject == null || subject.equals(itemSubject));
    }

    @Override
    public String toString() {
        return subject == null ? task : task + ":" + subject;
    }
}
