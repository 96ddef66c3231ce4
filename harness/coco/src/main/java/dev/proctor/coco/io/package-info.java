/**
 * COCO files in and JSON out: {@link dev.proctor.coco.io.CocoFiles} streams an instances file and a results file
 * and refuses, naming the file, the JSON path and what was expected, whatever pycocotools would fail on or silently
 * score otherwise; {@link dev.proctor.coco.io.CocoJson} writes an evaluation with null and a reason where
 * pycocotools gives -1.
 */
package dev.proctor.coco.io;
