/**
 * Object detectors run by DJL's ONNX Runtime engine: {@link dev.proctor.model.djl.detector.DetectorConfig} is the
 * documented contract (input, box layout, post-processing), {@link dev.proctor.model.djl.detector.ObjectDetectorModel}
 * decodes images with ImageIO and answers image predictions with boxes.
 */
package dev.proctor.model.djl.detector;
