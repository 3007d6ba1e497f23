package dev.parapet.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;

/**
 * Lays the HTML report out as a PDF with openhtmltopdf, which parses the page as XHTML (so {@link HtmlRenderer}
 * keeps it well-formed XML) and loads nothing from the network: the page references no external resource. The inline
 * SVG charts are drawn by openhtmltopdf's Batik module, with scripts and external resources refused. The DejaVu
 * fonts bundled with this module (licence beside them in {@code fonts/}) are embedded, subset, so text beyond
 * Latin-1 prints the same on every machine. openhtmltopdf's diagnostics go to this class's SLF4J logger instead
 * of its default of printing to standard error, which would mix into the CLI's output: severe ones as warnings, the
 * rest (font loading, CSS the page uses for browsers but openhtmltopdf does not know, such as flex and grid) at
 * debug. Stateless and thread-safe (each call builds its own renderer).
 */
final class PdfRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(PdfRenderer.class);
    private static final String FONTS = "/dev/parapet/report/fonts/";
    private static final List<String[]> FACES = List.of(
            new String[] {"DejaVuSans.ttf", "DejaVu Sans"},
            new String[] {"DejaVuSans-Bold.ttf", "DejaVu Sans"},
            new String[] {"DejaVuSansMono.ttf", "DejaVu Sans Mono"});

    static {
        XRLog.setLoggingEnabled(false); // the per-run diagnostic consumer below still receives everything
    }

    private PdfRenderer() {
    }

    static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withDiagnosticConsumer(PdfRenderer::log);
        builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
        for (String[] face : FACES) {
            String resource = FONTS + face[0];
            boolean bold = face[0].contains("Bold");
            builder.useFont(() -> PdfRenderer.class.getResourceAsStream(resource), face[1], bold ? 700 : 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay the report out as PDF", e);
        }
        return out.toByteArray();
    }

    private static void log(Diagnostic d) {
        if (d.hasError() || d.getLevel().intValue() >= Level.SEVERE.intValue()) {
            LOG.warn("PDF layout: {}", d.getFormattedMessage(), d.getError());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("PDF layout: {}", d.getFormattedMessage());
        }
    }
}
