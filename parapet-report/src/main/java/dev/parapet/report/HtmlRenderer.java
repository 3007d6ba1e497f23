package dev.parapet.report;

import dev.parapet.model.ScanReport;
import dev.parapet.score.GateVerdict;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Renders the report as one self-contained XHTML page from the Pebble template {@code html/report.peb}: inline CSS
 * and SVG, one inline script (the findings filters, {@link FindingsFilter}, allowed by its hash) and no external
 * resources, with a Content-Security-Policy that forbids fetching any. Pebble
 * (rather than jte) because it compiles templates at run time from the classpath, with no build plugin, and escapes
 * every value by default. Its escaping is replaced by {@link #escape}, which also keeps the page well-formed XML so
 * the PDF renderer can parse it. Thread-safe: the engine and the compiled template are.
 */
final class HtmlRenderer {

    private static final PebbleEngine ENGINE = engine();
    private static final PebbleTemplate TEMPLATE = ENGINE.getTemplate("report.peb");

    private HtmlRenderer() {
    }

    private static PebbleEngine engine() {
        ClasspathLoader loader = new ClasspathLoader(HtmlRenderer.class.getClassLoader());
        loader.setPrefix("dev/parapet/report/html");
        return new PebbleEngine.Builder().loader(loader).strictVariables(true).autoEscaping(true)
                .addEscapingStrategy("xhtml", HtmlRenderer::escape).defaultEscapingStrategy("xhtml")
                .newLineTrimming(true).cacheActive(true).build();
    }

    static String render(ScanReport r, Optional<GateVerdict> gate) {
        return render(r, gate, HtmlView.Medium.SCREEN);
    }

    /** The page for a browser ({@code SCREEN}: with the filter script) or for the PDF ({@code PRINT}). */
    static String render(ScanReport r, Optional<GateVerdict> gate, HtmlView.Medium medium) {
        StringWriter out = new StringWriter();
        try {
            TEMPLATE.evaluate(out, HtmlView.of(r, gate, medium));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        String html = out.toString();
        return html.endsWith("\n") ? html : html + "\n";
    }

    /**
     * Escapes text for XHTML element content and double-quoted attributes: {@code & < > "} become entities that XML
     * predefines, and characters XML cannot carry become visible escapes or U+FFFD ({@link XmlText#clean}). The
     * apostrophe is left alone because the template quotes every attribute with double quotes.
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        String text = XmlText.clean(s);
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
