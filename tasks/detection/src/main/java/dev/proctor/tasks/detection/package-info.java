/**
 * Object detection as a task: COCO-layout folders read and checked ({@link dev.proctor.tasks.detection.CocoFolder}),
 * one image per item asking the model for boxes, and COCOeval's twelve numbers as corpus metrics with per-class
 * tables and precision-recall points ({@link dev.proctor.tasks.detection.CocoMetrics}).
 */
package dev.proctor.tasks.detection;
