/**
 * Multiple-choice benchmarks defined by a small YAML or JSON file instead of Java: data layout, columns,
 * subjects, templates and few-shot sampling. Such tasks are not found by ServiceLoader; the harness loads
 * one with {@link dev.proctor.tasks.custom.CustomTasks#load(java.nio.file.Path)}. The format is described
 * in {@code tasks/custom/README.md}.
 */
package dev.proctor.tasks.custom;
