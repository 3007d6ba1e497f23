package dev.parapet.report;

import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import dev.parapet.testkit.Golden;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitReportTest {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document doc, String name) {
        NodeList nodes = doc.getElementsByTagName(name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element testCase(Document doc, String name) {
        return elements(doc, "testcase").stream().filter(e -> e.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no test case " + name));
    }

    @Test
    void matchesTheGoldenFile() {
        Golden.assertMatches("junit.xml", Reports.render(ReportFormat.JUNIT, ReportFixtures.full(),
                RenderOptions.plain()));
    }

    @Test
    void failsFindingsAtOrAboveHighWhenNoFailOnIsGiven() throws Exception {
        Document doc = parse(Reports.render(ReportFormat.JUNIT, ReportFixtures.full(), RenderOptions.plain()));
        assertThat(elements(doc, "failure")).extracting(e -> e.getAttribute("type"))
                .containsExactly("critical", "high");
        Element sql = testCase(doc, "sql-identifier-injection GET /api/items?table=crdb_internal.node_build_info");
        assertThat(sql.getElementsByTagName("failure").item(0).getTextContent())
                .contains("reproduce: curl -i -s").contains("evidence: table=crdb_internal.node_build_info");
        Element cors = testCase(doc, "cors-reflected-origin GET /api/items");
        assertThat(cors.getElementsByTagName("failure").getLength()).isZero();
        assertThat(cors.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("[medium · firm] Any origin is reflected");
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(elements(doc, "testcase").size()));
    }

    @Test
    void followsTheGateFailOnSeverity() throws Exception {
        RenderOptions options = RenderOptions.plain().withFailOn(Optional.of(Severity.MEDIUM));
        Document doc = parse(Reports.render(ReportFormat.JUNIT, ReportFixtures.full(), options));
        assertThat(elements(doc, "failure")).extracting(e -> e.getAttribute("type"))
                .containsExactly("critical", "medium", "medium", "high");
    }

    @Test
    void failsOnlyTheFindingsTheNarrowedGateJudges() throws Exception {
        ScanReport full = ReportFixtures.full();
        Finding critical = full.findings().stream().filter(f -> f.severity() == Severity.CRITICAL).findFirst()
                .orElseThrow();
        // as with --baseline: every finding but the critical one was already known, so only it is judged
        RenderOptions options = RenderOptions.plain().withGated(Optional.of(Set.of(critical.fingerprint())));
        Document doc = parse(Reports.render(ReportFormat.JUNIT, full, options));
        assertThat(elements(doc, "failure")).extracting(e -> e.getAttribute("type")).containsExactly("critical");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(elements(doc, "system-out")).extracting(Element::getTextContent)
                .anyMatch(text -> text.startsWith("[high"));
    }

    @Test
    void skipsChecksThatDidNotApplyWithTheirReasonAndErrorsChecksThatFailed() throws Exception {
        Document doc = parse(Reports.render(ReportFormat.JUNIT, ReportFixtures.full(), RenderOptions.plain()));
        Element bola = testCase(doc, "adjacent-object-read");
        assertThat(((Element) bola.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("not applicable: no endpoint takes a numeric or sequential id");
        Element ssrf = testCase(doc, "metadata-fetch");
        assertThat(((Element) ssrf.getElementsByTagName("error").item(0)).getAttribute("message"))
                .isEqualTo("check errored: check failed: canary listener refused");
        Element passed = testCase(doc, "admin-route-exposure");
        assertThat(passed.getChildNodes().getLength()).isZero();
        assertThat(elements(doc, "testsuite")).extracting(e -> e.getAttribute("name"))
                .contains("input-validation", "bola", "llm-security");
    }

    @Test
    void staysWellFormedWhateverTheTargetSent() throws Exception {
        Finding f = Finding.builder("server-fingerprint", Category.INVENTORY).severity(Severity.HIGH)
                .confidence(Confidence.FIRM).title("Header <b>\"x\"</b> & ]]> \u001b[31m \uFFFE \ud800 done")
                .endpoint(new dev.parapet.model.Endpoint("GET", ReportFixtures.uri("/"),
                        dev.parapet.model.Endpoint.Source.TARGET))
                .evidence("</failure><injected/>\u0000").build();
        ScanReport report = ReportFixtures.report(List.of(f), ReportFixtures.runs(), true, "");
        Document doc = parse(Reports.render(ReportFormat.JUNIT, report, RenderOptions.plain()));
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("[high] Header <b>\"x\"</b> & ]]> \\x1b[31m")
                .endsWith("\uFFFD \uFFFD done");
        assertThat(failure.getTextContent()).contains("</failure><injected/>\\x00");
        assertThat(doc.getElementsByTagName("injected").getLength()).isZero();
    }
}
