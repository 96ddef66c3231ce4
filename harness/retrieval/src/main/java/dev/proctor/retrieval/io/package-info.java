/**
 * Reading and writing the files retrieval is scored from: TREC run files, TREC and BEIR qrels, and the JSON and
 * trec_eval-style text of an evaluation. A malformed line is a {@link dev.proctor.api.DataFormatException} that
 * names the file and line.
 */
package dev.proctor.retrieval.io;
