/**
 * Machine-generated text detection as tasks: SemEval-2024 Task 8's three subtasks over datasets in its layout
 * ({@code data}), judged by detectors that are requests to the model and a fit on the dataset's other splits
 * ({@code detect}), scored as the task's scorer scores with scikit-learn.
 */
package dev.proctor.tasks.mgt;
