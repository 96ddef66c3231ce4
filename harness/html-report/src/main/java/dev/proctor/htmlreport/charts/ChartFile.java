package dev.proctor.htmlreport.charts;

import java.nio.file.Path;

/**
 * A chart written as SVG and PNG files (for papers and Markdown) and its SVG markup for inlining into the page.
 *
 * @param inlineSvg the {@code <svg>} element, without XML declaration or doctype
 */
public record ChartFile(String name, String title, Path svg, Path png, String inlineSvg) {
}
