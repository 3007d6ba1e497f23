package dev.parapet.report;

import dev.parapet.model.AuthSummary;
import dev.parapet.model.ScanReport;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AuthSummaryRenderingTest {

    private static ScanReport with(AuthSummary auth) {
        ScanReport r = ReportFixtures.full();
        return new ScanReport(r.schemaVersion(), r.scanId(), r.parapetVersion(), r.target(), r.mode(), r.context(),
                r.startedAt(), r.duration(), r.complete(), r.incompleteReason(), r.score(), r.findings(),
                r.attackPaths(), r.checks(), r.endpoints(), r.apiDocuments(), r.stats(), r.spec(), auth);
    }

    private static final AuthSummary REJECTED = new AuthSummary(AuthSummary.State.REJECTED, 2, 57,
            "the target answered 401 to the supplied credentials on /me — check the token");

    @Test
    void jsonCarriesTheAuthObjectAndReadsItBack() {
        String json = JsonReport.toJson(with(REJECTED));
        assertThat(json).contains("\"auth\": {\n    \"state\": \"rejected\",\n    \"identities\": 2,\n"
                + "    \"authenticatedRequests\": 57,");
        assertThat(JsonReport.fromJson(json).auth()).isEqualTo(REJECTED);
    }

    @Test
    void anAnonymousScanHasNoAuthObjectAndReadsBackAsNone() {
        String json = JsonReport.toJson(with(AuthSummary.NONE));
        assertThat(json).doesNotContain("\"auth\"");
        assertThat(JsonReport.fromJson(json).auth()).isEqualTo(AuthSummary.NONE);
    }

    @Test
    void summaryWarnsOfRejectedCredentialsRightUnderTheHeader() {
        String out = Reports.render(ReportFormat.SUMMARY, with(REJECTED), new RenderOptions(false, 100,
                Optional.empty()));
        int header = out.indexOf("Parapet ");
        int warning = out.indexOf("!! CREDENTIALS REJECTED: the target answered 401");
        assertThat(warning).isGreaterThan(header).isLessThan(out.indexOf("Grade "));
        assertThat(out).contains("The results below are those of an anonymous scan (2 identities, 57 requests "
                + "carried credentials).");
    }

    @Test
    void summaryAndMarkdownSayAcceptedCredentialsWereApplied() {
        ScanReport accepted = with(new AuthSummary(AuthSummary.State.ACCEPTED, 1, 12,
                "authenticated and anonymous answers differ on /me"));
        assertThat(Reports.render(ReportFormat.SUMMARY, accepted, new RenderOptions(false, 100, Optional.empty())))
                .contains("Authenticated: credentials accepted (12 requests carried credentials): authenticated and");
        assertThat(Reports.render(ReportFormat.MARKDOWN, accepted, new RenderOptions(false, 100, Optional.empty())))
                .contains("Authenticated: credentials accepted (12 requests carried credentials).");
        assertThat(Reports.render(ReportFormat.SUMMARY, with(AuthSummary.NONE),
                new RenderOptions(false, 100, Optional.empty()))).doesNotContain("Authenticated:").doesNotContain("REJECTED");
    }

    @Test
    void htmlShowsTheRejectionAsABannerAndNothingForAnAnonymousScan() {
        RenderOptions plain = new RenderOptions(false, 100, Optional.empty());
        assertThat(Reports.render(ReportFormat.HTML, with(REJECTED), plain))
                .contains("<div class=\"banner\" id=\"auth\"><strong>Credentials rejected:</strong> the target answered 401");
        assertThat(Reports.render(ReportFormat.HTML, with(AuthSummary.NONE), plain)).doesNotContain("id=\"auth\"");
    }
}
