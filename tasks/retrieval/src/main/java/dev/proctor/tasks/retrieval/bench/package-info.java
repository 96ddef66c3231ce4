/**
 * The retrieval benchmark ({@link dev.proctor.tasks.retrieval.bench.RetrievalBenchmark}): encoding throughput
 * against ONNX Runtime alone on the same batches, and exact versus HNSW search speed and recall.
 */
package dev.proctor.tasks.retrieval.bench;
