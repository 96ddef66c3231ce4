/**
 * The {@code proctor} command line: one small picocli command class per verb ({@code run}, {@code prompts},
 * {@code tasks}, {@code models}, {@code bench}) over shared option groups; exit codes are mapped in one place
 * ({@link dev.proctor.cli.Main}).
 */
package dev.proctor.cli;
