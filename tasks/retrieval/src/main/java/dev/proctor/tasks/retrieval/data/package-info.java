/**
 * Retrieval datasets in the BEIR/MTEB layout: {@link dev.proctor.tasks.retrieval.data.BeirReader} reads
 * {@code corpus.jsonl}, {@code queries.jsonl} and {@code qrels/<split>.tsv} with file:line errors;
 * {@link dev.proctor.tasks.retrieval.data.DatasetLoader} resolves a folder or {@code bundled:NAME}
 * ({@link dev.proctor.tasks.retrieval.data.BundledDatasets}) and records the files' hashes and the language.
 */
package dev.proctor.tasks.retrieval.data;
