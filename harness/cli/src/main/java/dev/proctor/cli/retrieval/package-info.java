/**
 * {@code proctor score retrieval}: scores any TREC run file against TREC or BEIR qrels with trec_eval 9.0.8 /
 * pytrec_eval conventions, so runs from other systems can be compared with Proctor's own.
 */
package dev.proctor.cli.retrieval;
