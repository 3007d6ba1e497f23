package dev.parapet.report;

import dev.parapet.model.Category;
import dev.parapet.model.CheckRun;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Writes one JUnit {@code <testsuite>} and its test cases; see {@link JUnitRenderer} for what a case means. */
final class JUnitCaseWriter {

    private JUnitCaseWriter() {
    }

    static void suite(XMLStreamWriter w, Category category, List<JUnitRenderer.Case> cases, ScanReport r)
            throws XMLStreamException {
        w.writeCharacters("  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", category.id());
        JUnitRenderer.counts(w, cases);
        // A check with findings on several endpoints has several cases but ran once: count its time once.
        w.writeAttribute("time", JUnitRenderer.seconds(cases.stream().map(JUnitRenderer.Case::run).distinct()
                .map(CheckRun::elapsed).reduce(Duration.ZERO, Duration::plus)));
        w.writeAttribute("timestamp", r.startedAt().toString());
        w.writeCharacters("\n");
        for (JUnitRenderer.Case c : cases) {
            testCase(w, category, c);
        }
        w.writeCharacters("  ");
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private static void testCase(XMLStreamWriter w, Category category, JUnitRenderer.Case c)
            throws XMLStreamException {
        w.writeCharacters("    ");
        w.writeStartElement("testcase");
        w.writeAttribute("classname", "parapet." + category.id() + "." + XmlText.clean(c.run().checkId()));
        w.writeAttribute("name", XmlText.clean(c.run().checkId() + (c.endpoint().isEmpty() ? ""
                : " " + c.endpoint())));
        w.writeAttribute("time", JUnitRenderer.seconds(c.run().elapsed()));
        String reason = XmlText.clean(c.run().reason());
        if (c.errored()) {
            child(w, "error", "check errored" + (reason.isEmpty() ? "" : ": " + reason), "errored", "");
        } else if (c.skipped()) {
            String what = c.run().status().id().replace('-', ' ');
            child(w, "skipped", reason.isEmpty() ? what : what + ": " + reason, null, null);
        } else if (c.failed()) {
            List<Finding> failing = c.findings().stream().filter(c.fails()).toList();
            Finding worst = failing.getFirst();
            String message = failing.size() == 1 ? "[" + worst.severity().id() + "] " + worst.title()
                    : failing.size() + " findings at or above " + c.threshold().id() + ", the worst: ["
                    + worst.severity().id() + "] " + worst.title();
            child(w, "failure", XmlText.clean(message), worst.severity().id(), failing.stream()
                    .map(JUnitCaseWriter::describe).collect(Collectors.joining("\n")));
        }
        List<Finding> below = c.findings().stream().filter(c.fails().negate()).toList();
        if (!below.isEmpty()) {
            w.writeCharacters("\n      ");
            w.writeStartElement("system-out");
            w.writeCharacters(below.stream().map(JUnitCaseWriter::describe).collect(Collectors.joining("\n")));
            w.writeEndElement();
            w.writeCharacters("\n    ");
        }
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    /** An element with a {@code message} (and {@code type} when given) and optional text. */
    private static void child(XMLStreamWriter w, String name, String message, String type, String text)
            throws XMLStreamException {
        w.writeCharacters("\n      ");
        if (text == null || text.isEmpty()) {
            w.writeEmptyElement(name);
        } else {
            w.writeStartElement(name);
        }
        w.writeAttribute("message", message);
        if (type != null) {
            w.writeAttribute("type", type);
        }
        if (text != null && !text.isEmpty()) {
            w.writeCharacters(text);
            w.writeEndElement();
        }
        w.writeCharacters("\n    ");
    }

    /** A finding as plain text for a failure body or system-out. */
    private static String describe(Finding f) {
        StringBuilder sb = new StringBuilder("[").append(f.severity().id()).append(" · ").append(f.confidence().id())
                .append("] ").append(f.title()).append('\n');
        sb.append("endpoint: ").append(f.endpoint().display()).append('\n');
        if (!f.parameter().isEmpty()) {
            sb.append("parameter: ").append(f.parameter()).append('\n');
        }
        if (!f.evidence().isBlank()) {
            sb.append("evidence: ").append(f.evidence()).append('\n');
        }
        if (!f.remediation().isBlank()) {
            sb.append("remediation: ").append(RemediationText.plain(f.remediation())).append('\n');
        }
        if (!f.curl().isEmpty()) {
            sb.append("reproduce: ").append(f.curl()).append('\n');
        }
        sb.append("fingerprint: ").append(f.fingerprint()).append('\n');
        return XmlText.clean(sb.toString());
    }
}
