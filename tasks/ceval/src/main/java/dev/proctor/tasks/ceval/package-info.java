/**
 * C-Eval (hkust-nlp/ceval): CSV {@code {dev,val,test}/<subject>_<split>.csv}, 52 subjects in four categories. The
 * released test split has no answers, so the validation split is scored, as lm-evaluation-harness's ceval-valid does.
 */
package dev.proctor.tasks.ceval;
