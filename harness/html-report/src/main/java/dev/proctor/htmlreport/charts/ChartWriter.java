package dev.proctor.htmlreport.charts;

import dev.proctor.api.ProctorException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes XChart charts into one folder as {@code NAME.svg} and {@code NAME.png}, names made file-safe and unique,
 * and hands back the SVG for the page. AWT runs headless: no display is needed.
 */
public final class ChartWriter {
    private final Path dir;
    private final Set<String> names = new HashSet<>();

    public ChartWriter(Path dir) {
        System.setProperty("java.awt.headless", "true");
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ProctorException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    public ChartFile write(String name, Chart<?, ?> chart) {
        String file = unique(name);
        Path svg = dir.resolve(file + ".svg");
        Path png = dir.resolve(file + ".png");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            String text = bytes.toString(StandardCharsets.UTF_8);
            Files.writeString(svg, text);
            try (var out = Files.newOutputStream(png)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
            int start = text.indexOf("<svg");
            if (start < 0) {
                throw new ProctorException("XChart wrote no <svg> element for chart " + name);
            }
            return new ChartFile(file, chart.getTitle(), svg, png, text.substring(start));
        } catch (IOException e) {
            throw new ProctorException("cannot write chart " + svg + ": " + e.getMessage(), e);
        }
    }

    private String unique(String name) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        base = base.isEmpty() ? "chart" : base;
        String candidate = base;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = base + "-" + i;
        }
        return candidate;
    }
}
