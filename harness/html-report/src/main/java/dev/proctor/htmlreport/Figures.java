package dev.proctor.htmlreport;

import static dev.proctor.report.HtmlTable.escape;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctor.htmlreport.charts.ChartFile;
import dev.proctor.htmlreport.charts.ChartWriter;
import dev.proctor.htmlreport.charts.Charts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A subject's {@code figures} block, whichever parts it has: the confusion matrix (classification) as a shaded
 * table, the ROC points (binary detection of machine text) and the precision-recall points per class (object
 * detection) as charts.
 */
final class Figures {
    private Figures() {
    }

    /** Writes the subject's figures into the page: the confusion matrix as a shaded table, curves as charts. */
    static void write(String prefix, String title, JsonNode figures, ChartWriter charts, Page page, Path pageDir) {
        JsonNode confusion = figures.path("confusionMatrix");
        if (confusion.has("counts")) {
            page.html(confusionTable(prefix + "-confusion", title, confusion));
        }
        of(prefix, title, figures, charts).forEach(c -> page.chart(c, pageDir));
    }

    /**
     * Gold down, predicted across, each cell shaded by its share of the largest count; the diagonal is what was
     * right.
     */
    private static String confusionTable(String id, String title, JsonNode confusion) {
        List<String> labels = new ArrayList<>();
        confusion.path("labels").forEach(l -> labels.add(l.asText()));
        long max = 1;
        for (JsonNode row : confusion.path("counts")) {
            for (JsonNode c : row) {
                max = Math.max(max, c.asLong());
            }
        }
        StringBuilder sb = new StringBuilder("<figure id=\"" + escape(id) + "\" class=\"confusion\"><table><thead><tr>"
                + "<th>gold \\ predicted</th>");
        labels.forEach(l -> sb.append("<th>").append(escape(l)).append("</th>"));
        sb.append("</tr></thead><tbody>");
        for (int g = 0; g < labels.size(); g++) {
            sb.append("<tr><th>").append(escape(labels.get(g))).append("</th>");
            for (int p = 0; p < labels.size(); p++) {
                long n = confusion.path("counts").path(g).path(p).asLong();
                double share = (double) n / max;
                sb.append(String.format(Locale.ROOT, "<td class=\"num\" style=\"background:rgba(31,78,121,%.2f);"
                        + "color:%s\">%d</td>", 0.08 + 0.85 * share, share > 0.5 ? "#fff" : "#1c2733", n));
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table><figcaption>").append(escape(title))
                .append(": confusion matrix</figcaption></figure>\n").toString();
    }

    private static List<ChartFile> of(String prefix, String title, JsonNode figures, ChartWriter charts) {
        List<ChartFile> out = new ArrayList<>();
        JsonNode roc = figures.path("roc");
        if (roc.has("fpr")) {
            Map<String, double[][]> series = new LinkedHashMap<>();
            series.put("ROC", new double[][] {numbers(roc.get("fpr")), numbers(roc.get("tpr"))});
            series.put("chance", new double[][] {{0, 1}, {0, 1}});
            out.add(charts.write(prefix + "-roc", Charts.curves(title + ": ROC", "false positive rate",
                    "true positive rate", series)));
        }
        JsonNode pr = figures.path("precisionRecall");
        if (pr.has("recall")) {
            double[] recall = numbers(pr.get("recall"));
            Map<String, double[][]> series = new LinkedHashMap<>();
            pr.path("precision").fields().forEachRemaining(e -> {
                double[] precision = numbers(e.getValue());
                int n = 0;
                while (n < precision.length && !Double.isNaN(precision[n])) {
                    n++;
                }
                if (n > 0) {
                    series.put(e.getKey(), new double[][] {Arrays.copyOf(recall, n),
                            Arrays.copyOf(precision, n)});
                }
            });
            if (!series.isEmpty()) {
                out.add(charts.write(prefix + "-precision-recall", Charts.curves(title + ": precision-recall at IoU "
                        + pr.path("iou").asText(), "recall", "precision", series)));
            }
        }
        return out;
    }

    /** JSON numbers; null (undefined) as NaN. */
    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNumber() ? array.get(i).asDouble() : Double.NaN;
        }
        return out;
    }
}
