/**
 * Retrieval datasets in the BEIR/MTEB layout: {@link dev.proctor.tasks.retrieval.data.BeirReader} reads
 * {@code corpus.jsonl}, {@code queries.jsonl} and {@code qrels/<split>.tsv} with file:line errors;
 * {@link dev.proctor.tasks.retrieval.data.DatasetLoader} loads a folder and records the files' hashes and the
 * language; {@link dev.proctor.tasks.retrieval.data.BundledDatasets} ships a small English and Chinese suite.
 */
package dev.proctor.tasks.retrieval.data;
