/**
 * SemEval-2024 Task 8 data: the subtasks ({@link dev.proctor.tasks.mgt.data.Subtask}), their JSON Lines files in
 * either the flat or the repository layout ({@link dev.proctor.tasks.mgt.data.SemEvalFiles}), and the bundled suite
 * ({@link dev.proctor.tasks.mgt.data.BundledMgt}).
 */
package dev.proctor.tasks.mgt.data;
