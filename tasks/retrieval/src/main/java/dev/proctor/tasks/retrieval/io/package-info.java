/**
 * File helpers of the retrieval task: class-path resources copied into content-named folders
 * ({@link dev.proctor.tasks.retrieval.io.ClasspathFiles}) and atomic writes
 * ({@link dev.proctor.tasks.retrieval.io.AtomicFiles}).
 */
package dev.proctor.tasks.retrieval.io;
