/** {@code proctor score classification} and {@code proctor score detection}: predictions from any system scored. */
package dev.proctor.cli.detection;
