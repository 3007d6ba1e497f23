package dev.parapet.report;

import dev.parapet.model.Category;
import dev.parapet.model.CheckRun;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes JUnit XML, the test-report format CI systems display: one {@code <testsuite>} per category, one
 * {@code <testcase>} per check and endpoint. A finding at or above the failure threshold (the gate's
 * {@code --fail-on}) is a {@code <failure>}; findings below it are listed in the case's {@code <system-out>} and the
 * case passes. A check that did not apply or was not selected is {@code <skipped>} with the reason, an interrupted
 * one too; an errored check is an {@code <error>}. A completed check without findings is one passing case on the
 * target. Written with the JDK's {@link XMLStreamWriter}, which escapes markup; {@link XmlText} removes what XML
 * cannot carry. Stateless.
 */
final class JUnitRenderer {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private JUnitRenderer() {
    }

    /** One test case: a check on one endpoint (or the whole target when it has no findings). */
    record Case(CheckRun run, String endpoint, List<Finding> findings, Severity threshold,
                java.util.function.Predicate<Finding> fails) {

        boolean failed() {
            return findings.stream().anyMatch(fails);
        }

        boolean skipped() {
            return run.status() == CheckStatus.NOT_APPLICABLE || run.status() == CheckStatus.SKIPPED
                    || run.status() == CheckStatus.INTERRUPTED;
        }

        boolean errored() {
            return run.status() == CheckStatus.ERRORED;
        }
    }

    /** Every finding at or above {@code threshold} fails its case. */
    static String render(ScanReport r, Severity threshold) {
        return render(r, threshold, f -> f.severity().atLeast(threshold));
    }

    /**
     * {@code fails} decides which findings fail their case (at or above {@code threshold} and judged by the gate);
     * the others are listed in the case's {@code <system-out>}.
     */
    static String render(ScanReport r, Severity threshold, java.util.function.Predicate<Finding> fails) {
        Map<Category, List<Case>> suites = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            List<Case> cases = cases(r, c, threshold, fails);
            if (!cases.isEmpty()) {
                suites.put(c, cases);
            }
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            List<Case> all = suites.values().stream().flatMap(List::stream).toList();
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "Parapet " + XmlText.clean(r.target()));
            counts(w, all, r.verdict().graded() ? 0 : 1);
            w.writeAttribute("time", seconds(r.duration()));
            w.writeAttribute("timestamp", r.startedAt().toString());
            w.writeCharacters("\n");
            if (!r.verdict().graded()) {
                notGraded(w, r);
            }
            for (Map.Entry<Category, List<Case>> suite : suites.entrySet()) {
                JUnitCaseWriter.suite(w, suite.getKey(), suite.getValue(), r);
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static List<Case> cases(ScanReport r, Category category, Severity threshold,
                                    java.util.function.Predicate<Finding> fails) {
        List<Case> cases = new ArrayList<>();
        Map<String, CheckRun> runs = new LinkedHashMap<>();
        r.checks().stream().filter(c -> c.category() == category).forEach(c -> runs.putIfAbsent(c.checkId(), c));
        r.findings().stream().filter(f -> f.category() == category).forEach(f -> runs.putIfAbsent(f.checkId(),
                new CheckRun(f.checkId(), category, CheckStatus.COMPLETED, "", 0, 0, 0, Duration.ZERO)));
        for (CheckRun run : runs.values()) {
            Map<String, List<Finding>> byEndpoint = new LinkedHashMap<>();
            r.findings().stream().filter(f -> f.checkId().equals(run.checkId()))
                    .forEach(f -> byEndpoint.computeIfAbsent(f.endpoint().display(), k -> new ArrayList<>()).add(f));
            if (byEndpoint.isEmpty()) {
                cases.add(new Case(run, "", List.of(), threshold, fails));
            } else {
                byEndpoint.forEach((endpoint, found) -> cases.add(new Case(run, endpoint, found, threshold, fails)));
            }
        }
        return cases;
    }

    /**
     * An ungraded scan fails one case of its own, first: a CI page of green check cases must not read as a pass
     * when the scan did not test the API.
     */
    private static void notGraded(XMLStreamWriter w, ScanReport r) throws XMLStreamException {
        w.writeCharacters("  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", "verdict");
        w.writeAttribute("tests", "1");
        w.writeAttribute("failures", "1");
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", "0");
        w.writeAttribute("time", seconds(r.duration()));
        w.writeAttribute("timestamp", r.startedAt().toString());
        w.writeCharacters("\n    ");
        w.writeStartElement("testcase");
        w.writeAttribute("classname", "parapet.verdict");
        w.writeAttribute("name", "graded");
        w.writeAttribute("time", seconds(r.duration()));
        w.writeCharacters("\n      ");
        w.writeStartElement("failure");
        w.writeAttribute("message", XmlText.clean(r.verdict().headline()));
        w.writeAttribute("type", "not-graded");
        w.writeCharacters(XmlText.clean(r.verdict().line()));
        w.writeEndElement();
        w.writeCharacters("\n    ");
        w.writeEndElement();
        w.writeCharacters("\n  ");
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    static void counts(XMLStreamWriter w, List<Case> cases) throws XMLStreamException {
        counts(w, cases, 0);
    }

    /** {@code extraFailures}: failing cases outside {@code cases} (the verdict's). */
    static void counts(XMLStreamWriter w, List<Case> cases, int extraFailures) throws XMLStreamException {
        long failures = extraFailures;
        long skipped = 0;
        long errors = 0;
        for (Case c : cases) {
            failures += c.failed() && !c.errored() ? 1 : 0;
            skipped += c.skipped() ? 1 : 0;
            errors += c.errored() ? 1 : 0;
        }
        w.writeAttribute("tests", String.valueOf(cases.size() + extraFailures));
        w.writeAttribute("failures", String.valueOf(failures));
        w.writeAttribute("errors", String.valueOf(errors));
        w.writeAttribute("skipped", String.valueOf(skipped));
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }
}
