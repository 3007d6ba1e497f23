package dev.parapet.report;

import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private static String html(ScanReport report) {
        return Reports.render(ReportFormat.HTML, report, RenderOptions.plain());
    }

    /** Parses as XML, as the PDF renderer does; a parse error fails the test. */
    private static Document xml(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void isWellFormedXhtmlWithGradeChartsFindingsAndCoverage() throws Exception {
        ScanReport report = ReportFixtures.full();
        String html = html(report);
        Document doc = xml(html);
        assertThat(html).contains("id=\"grade\">" + report.score().grade() + "</div>")
                .contains("Grade " + report.score().grade() + " · <span id=\"score\">" + report.score().score()
                        + "/100</span>");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isEqualTo(2);
        assertThat(html).contains("Attack paths").contains("From the API towards the container's host");
        for (Finding f : report.findings()) {
            assertThat(html).contains(HtmlRenderer.escape(f.title())).contains("id=\"f-" + f.fingerprint() + "\"");
        }
        assertThat(html).contains("<details class=\"exchange\">").contains("metadata-fetch")
                .contains("check failed: canary listener refused");
    }

    @Test
    void listsTheEndpointsWithTheirSourcesAndCountsThem() {
        assertThat(html(ReportFixtures.full())).contains("4 endpoints (1 target · 1 crawl · 2 spec)")
                .contains("<code>GET /api/.env</code> <span class=\"muted\">(crawl)</span>");
    }

    @Test
    void countsWhatTheApiDescriptionCoveredOnlyWhenTheScanHadOne() {
        assertThat(html(ReportFixtures.full())).contains("(OpenAPI 3.0.3): 2 documented · 1 discovered · 2 tested");
        assertThat(html(ReportFixtures.withoutSpec())).doesNotContain("id=\"spec\"");
    }

    @Test
    void fetchesNothingAndForbidsFetchingThroughItsContentSecurityPolicy() {
        String html = html(ReportFixtures.full());
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:; script-src " + FindingsFilter.HASH + "\"/>");
        // the one script is the filters', allowed by its hash, which must be that of the text the page carries
        Matcher scripts = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(scripts.find()).isTrue();
        assertThat("'sha256-" + java.util.Base64.getEncoder().encodeToString(sha256(scripts.group(1))) + "'")
                .isEqualTo(FindingsFilter.HASH);
        String script = scripts.group(0);
        assertThat(scripts.find()).as("a second script").isFalse();
        assertThat(html.replace(script, "")).doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("@import")
                .doesNotContainIgnoringCase("url(").doesNotContain(" src=");
        Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (hrefs.find()) {
            assertThat(hrefs.group(1)).as("only reference links and links within the page")
                    .matches("https?://[^ ]+|#[fx]-[0-9a-f]+");
        }
    }

    @Test
    void escapesMarkupFromTheTargetEverywhere() throws Exception {
        Finding f = Finding.builder("server-fingerprint", Category.INVENTORY).severity(Severity.HIGH)
                .confidence(Confidence.FIRM).title("<script>alert(1)</script> \" onmouseover=\"x")
                .endpoint(new Endpoint("GET", ReportFixtures.uri("/"), Endpoint.Source.TARGET))
                .evidence("</pre><iframe src=//evil.example></iframe>\u001b[2J \ud800").build();
        String html = html(ReportFixtures.report(List.of(f), ReportFixtures.runs(), true, ""));
        xml(html);
        assertThat(html.split("<script>", -1)).as("only the page's own script").hasSize(2);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<iframe")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot; onmouseover=&quot;x")
                .contains("&lt;/pre&gt;&lt;iframe src=//evil.example&gt;&lt;/iframe&gt;\\x1b[2J \uFFFD");
    }

    @Test
    void saysWhenTheScanIsIncompleteAndWhenNothingWasAssessed() throws Exception {
        assertThat(html(ReportFixtures.incomplete())).contains("Incomplete scan:")
                .contains("time budget of 300 s exhausted");
        String none = html(ReportFixtures.nothingAssessed());
        xml(none);
        assertThat(none).contains("NOT GRADED (no check ran to completion)").doesNotContain("id=\"score\"")
                .contains("No findings.");
        String throttled = html(ReportFixtures.notGraded());
        xml(throttled);
        assertThat(throttled).contains("id=\"not-graded\"").contains("lower --rate").doesNotContain("Grade ");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void indexesEveryFindingMostSevereFirstWithWhatTheFiltersNeed() {
        ScanReport report = ReportFixtures.full();
        String html = html(report);
        Matcher rows = Pattern.compile("<tr data-severity=\"([a-z]+)\" data-category=\"([a-z-]+)\">").matcher(html);
        List<String> severities = new java.util.ArrayList<>();
        while (rows.find()) {
            severities.add(rows.group(1));
        }
        assertThat(severities).hasSize(report.findings().size())
                .isSortedAccordingTo(java.util.Comparator.comparing((String id) -> Severity.valueOf(
                        id.toUpperCase(java.util.Locale.ROOT))).reversed());
        assertThat(html).contains("data-kind=\"severity\" value=\"critical\"")
                .contains("data-kind=\"category\" value=\"input-validation\"").contains("id=\"top-findings\"");
    }

    @Test
    void datesTheScanTheWayPeopleWriteDates() {
        assertThat(html(ReportFixtures.full())).containsPattern("started \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2} UTC")
                .doesNotContainPattern("started \\d{4}-\\d{2}-\\d{2}T");
    }
}
