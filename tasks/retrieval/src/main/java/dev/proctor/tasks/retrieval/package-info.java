/**
 * Retrieval tasks in the BEIR/MTEB layout, run with dense (ONNX encoders through DJL), BM25 (Lucene) or hybrid
 * retrievers and scored exactly as trec_eval does. {@link dev.proctor.tasks.retrieval.Retrieval} runs one
 * {@link dev.proctor.tasks.retrieval.RetrievalConfig} on one
 * {@link dev.proctor.tasks.retrieval.data.RetrievalDataset}; the subpackages hold the parts: {@code data},
 * {@code encode}, {@code search}, {@code fusion}, {@code eval}, {@code report} and {@code bench}.
 */
package dev.proctor.tasks.retrieval;
