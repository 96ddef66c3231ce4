package dev.proctor.htmlreport;

import static dev.proctor.report.HtmlTable.escape;

import dev.proctor.htmlreport.charts.ChartFile;
import java.nio.file.Path;
import java.util.Map;

/**
 * One self-contained HTML page: styles and the one script inline, charts as inline SVG, and a Content-Security-Policy
 * that forbids every network request (a page that tried one would log a console error, which the browser test
 * catches). The script only measures: it records on each figure how many of its marks (a chart's shapes, a
 * table's cells) the browser laid out with a non-empty box ({@code data-marks}).
 */
final class Page {
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2733;margin:0;\
            background:#f5f7fa}
            main{max-width:1100px;margin:0 auto;padding:24px 28px 60px;background:#fff}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 8px;padding-top:12px;\
            border-top:2px solid #1f4e79}h3{font-size:16px;margin:24px 0 6px;color:#1f4e79}
            .lead{color:#52606d;margin:0 0 18px}
            table{border-collapse:collapse;margin:8px 0 14px;font-size:13px;display:block;overflow-x:auto;max-width:100%}
            th,td{padding:4px 10px;border-bottom:1px solid #e4e8ec;text-align:left;white-space:nowrap}
            th{background:#eef2f6;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
            td.best{font-weight:700;background:#e3f1e6}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;font-size:13px;margin:8px 0}
            dt{color:#52606d}dd{margin:0;font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
            figure{margin:10px 0 18px}figcaption{font-size:12px;color:#52606d}
            figure svg{max-width:100%;height:auto}.figures{display:flex;flex-wrap:wrap;gap:8px}
            details{margin:6px 0}summary{cursor:pointer;color:#1f4e79}
            .note{font-size:12px;color:#52606d}
            """;
    private static final String SCRIPT = """
            for (const f of document.querySelectorAll('figure')) {
              let n = 0;
              for (const m of f.querySelectorAll('svg path, svg rect, svg circle, svg line, svg polyline, svg polygon')) {
                const b = m.getBBox();
                if (b.width > 0 || b.height > 0) n++;
              }
              for (const c of f.querySelectorAll('td')) {
                const r = c.getBoundingClientRect();
                if (r.width > 0 && r.height > 0) n++;
              }
              f.dataset.marks = String(n);
            }
            document.documentElement.dataset.measured = 'yes';
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    Page(String title) {
        this.title = title;
    }

    Page heading(int level, String text) {
        body.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    Page paragraph(String cssClass, String text) {
        body.append("<p class=\"").append(cssClass).append("\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Markup the caller built and escaped. */
    Page html(String html) {
        body.append(html);
        return this;
    }

    Page facts(Map<String, String> facts) {
        body.append("<dl>\n");
        facts.forEach((k, v) -> body.append("<dt>").append(escape(k)).append("</dt><dd>").append(escape(v))
                .append("</dd>\n"));
        body.append("</dl>\n");
        return this;
    }

    /** A chart inline, with links to its SVG and PNG files relative to the page in {@code pageDir}. */
    Page chart(ChartFile chart, Path pageDir) {
        String svg = pageDir.relativize(chart.svg()).toString().replace('\\', '/');
        String png = pageDir.relativize(chart.png()).toString().replace('\\', '/');
        body.append("<figure id=\"").append(escape(chart.name())).append("\">").append(chart.inlineSvg())
                .append("<figcaption>").append(escape(chart.title())).append(" (<a href=\"").append(escape(svg))
                .append("\">SVG</a>, <a href=\"").append(escape(png)).append("\">PNG</a>)</figcaption></figure>\n");
        return this;
    }

    String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n<script>\n" + SCRIPT + "</script>\n</body>\n</html>\n";
    }
}
