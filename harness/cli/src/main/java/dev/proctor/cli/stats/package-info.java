/**
 * The statistics commands: {@code proctor compare} (two runs item by item, or a merged model against its
 * fine-tuned parents), {@code proctor stats} ({@code paired} score files, {@code ci} of one run, {@code rank}
 * correlation of two rankings), {@code proctor rank} (how stable a leaderboard's order is) and
 * {@code proctor snr} (signal, noise and subtask filtering). Each is a small picocli command over
 * {@code dev.proctor.stats}; every one takes {@code --json} and writes its tables into {@code reports/<id>/}.
 */
package dev.proctor.cli.stats;
