package dev.parapet.report;

import dev.parapet.model.ScanReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defence in depth: the engine redacts findings before they reach a report, yet a report that still carries a
 * secret must not write it, in any format.
 */
class RedactionTest {

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "PDF")
    void neverWritesABearerTokenTheEngineMissed(ReportFormat format) {
        ScanReport leaky = ReportFixtures.withUnredactedSecret();
        assertThat(leaky.findings().getFirst().curl()).contains("Bearer xyz");
        String out = Reports.render(format, leaky, RenderOptions.plain());
        assertThat(out).doesNotContain("xyz").contains(leaky.findings().getFirst().checkId());
    }

    @Test
    void showsTheSchemeAndTheMaskWhereTheTokenWas() {
        ScanReport leaky = ReportFixtures.withUnredactedSecret();
        assertThat(Reports.render(ReportFormat.SUMMARY, leaky, RenderOptions.plain().withDetails(true)))
                .contains("-H 'Authorization: Bearer [redacted]'");
        assertThat(JsonReport.toJson(leaky)).contains("\"authorization\": [\n")
                .contains("\"Bearer [redacted]\"").doesNotContain("xyz");
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "PDF")
    void redactsSecretsInEndpointUrls(ReportFormat format) {
        ScanReport base = ReportFixtures.full();
        var f = base.findings().getFirst();
        var leaky = new dev.parapet.model.Finding(f.checkId(), f.category(), f.severity(), f.confidence(),
                f.title(), new dev.parapet.model.Endpoint("GET", ReportFixtures.uri("/items?api_key=s3cr3tvalue"),
                dev.parapet.model.Endpoint.Source.DISCOVERED), f.parameter(), f.evidence(), f.exchanges(), f.curl(),
                f.remediation(), f.references(), f.tags(), f.fingerprint());
        ScanReport report = ReportFixtures.report(java.util.List.of(leaky), ReportFixtures.runs(), true, "");
        assertThat(Reports.render(format, report, RenderOptions.plain())).doesNotContain("s3cr3tvalue");
    }
}
