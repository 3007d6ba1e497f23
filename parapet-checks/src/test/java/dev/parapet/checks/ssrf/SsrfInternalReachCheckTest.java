package dev.parapet.checks.ssrf;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.checks.support.InputPoints;
import dev.parapet.model.CheckStatus;
import dev.parapet.model.ScanReport;
import dev.parapet.spi.InputPoint;
import dev.parapet.spi.ValueShape;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.SsrfFixtures;
import dev.parapet.checks.ActiveScans;
import dev.parapet.checks.bola.TwoIdentities;
import dev.parapet.testkit.fixtures.WriteFixtures;
import dev.parapet.testkit.fixtures.WriteFixtures.Weakness;
import org.junit.jupiter.api.Test;

import java.util.Set;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SsrfInternalReachCheckTest extends CheckContractTest {

    private static final int LOOPBACK_TARGETS = SsrfInternalReachCheck.DATA.get().within(
            java.util.EnumSet.of(InternalTargets.Scope.LOOPBACK)).size();

    @Override
    protected Check check() {
        return new SsrfInternalReachCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return SsrfFixtures.fetchingAnyUrl();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return SsrfFixtures.allowListedHostsOnly();
    }

    @Test
    void flagsALoopbackSelfFetchAsHighAndConfirmed() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            Finding self = byDiscriminatorTitle(scan(server).findings(), "loopback URLs");
            assertThat(self.severity()).isEqualTo(Severity.HIGH);
            assertThat(self.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(self.parameter()).isEqualTo("url");
            assertThat(self.endpoint().uri().getPath()).isEqualTo("/avatar");
            assertThat(self.tags()).contains(Finding.TAG_CONTAINER_ESCAPE, "stage:entry");
            assertThat(self.evidence()).contains("url=http://127.0.0.1:" + server.port() + "/", "profile-api");
            assertThat(self.curl()).contains("/avatar?url=http%3A%2F%2F127.0.0.1%3A" + server.port());
        }
    }

    @Test
    void namesTheInternalServicesReachedWithTheirSeverityAndHostStage() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            List<Finding> findings = scan(server).findings();
            Finding docker = byDiscriminatorTitle(findings, "Docker Engine API");
            assertThat(docker.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(docker.tags()).contains(Finding.TAG_CONTAINER_ESCAPE, "stage:entry", "stage:host");
            assertThat(docker.evidence()).contains("\"ApiVersion\":\"1.43\"", "\"GoVersion\":\"go1");
            Finding passwd = byDiscriminatorTitle(findings, "/etc/passwd");
            assertThat(passwd.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(passwd.evidence()).contains("root:x:0:0:");
            assertThat(findings).extracting(Finding::title).noneMatch(t -> t.contains("CockroachDB")
                    || t.contains("kubelet") || t.contains("Prometheus"));
        }
    }

    @Test
    void sendsOnlyLoopbackAndFileValuesToALoopbackTarget() throws InterruptedException {
        URI target = URI.create("http://127.0.0.1:4100/");
        RecordingContext ctx = RecordingContext.avatarApi(target, "http://127.0.0.1:4100/a.png",
                u -> RecordingContext.rootBody("http://127.0.0.1:4100/a.png"));
        screenAndConfirm(ctx);
        assertThat(ctx.probeValues()).hasSize(1 + LOOPBACK_TARGETS);
        assertThat(ctx.probeValues()).allSatisfy(v -> assertThat(TargetHost.isLoopbackOrFile(v))
                .as("probe value %s", v).isTrue());
        assertThat(ctx.probeValues()).allSatisfy(v -> assertThat(v.getScheme().equals("file")
                || v.getHost().startsWith("127.") || v.getHost().equals("localhost")).isTrue());
    }

    @Test
    void keepsCloudMetadataValuesForPrivateNamedTargetsOutToo() throws InterruptedException {
        for (String host : List.of("localhost", "10.0.3.7", "api.internal", "shop")) {
            URI target = URI.create("http://" + host + ":8080/");
            String avatar = "http://" + host + ":8080/a.png";
            RecordingContext ctx = RecordingContext.avatarApi(target, avatar, u -> RecordingContext.rootBody(avatar));
            screenAndConfirm(ctx);
            assertThat(ctx.probeValues()).as(host).hasSize(1 + LOOPBACK_TARGETS).allMatch(TargetHost::isLoopbackOrFile);
        }
    }

    @Test
    void asksForCloudMetadataOnlyWhenTheTargetIsAPublicHost() throws InterruptedException {
        URI target = URI.create("https://api.shop.example/");
        RecordingContext ctx = RecordingContext.avatarApi(target, "https://cdn.shop.example/a.png",
                u -> RecordingContext.rootBody("https://cdn.shop.example/a.png"));
        screenAndConfirm(ctx);
        assertThat(ctx.probeValues()).extracting(URI::getHost)
                .contains("169.254.169.254", "metadata.google.internal");
    }

    @Test
    void staysQuietWhenTheServerOnlyEchoesTheUrlItWasGiven() throws IOException {
        try (LoopbackHttpServer echo = LoopbackHttpServer.builder()
                .route("GET", "/", r -> Response.json(200,
                        "{\"name\":\"profile-api\",\"links\":{\"avatar\":\"/avatar?url=https://cdn.example.org/a.png\"}}"))
                .route("GET", "/avatar", r -> Response.json(502,
                        "{\"error\":\"could not load " + r.param("url") + "\"}"))
                .start()) {
            assertThat(scan(echo).findings()).isEmpty();
        }
    }

    @Test
    void readsLoopbackThroughAJsonBodyFieldInActiveMode() throws IOException {
        try (WriteFixtures.Api api = WriteFixtures.start(Set.of(Weakness.IMAGE_URL_FETCH))) {
            String before = api.state();
            ScanReport report = CheckHarness.scan(ActiveScans.config(api.uri(), TwoIdentities.aliceOnly(), false),
                    List.of(check()));
            Finding self = byDiscriminatorTitle(report.findings(), "loopback URLs");
            assertThat(self.title()).isEqualTo("Server fetches loopback URLs given in the JSON field 'imageUrl' (SSRF)");
            assertThat(self.endpoint().display()).isEqualTo("POST /api/avatar");
            assertThat(self.evidence()).contains("JSON field 'imageUrl' = http://127.0.0.1:" + api.uri().getPort());
            assertThat(api.state()).isEqualTo(before);
        }
    }

    @Test
    void testsEveryInputTheEngineJudgedUrlValuedButAnXmlBody() {
        SsrfInternalReachCheck check = new SsrfInternalReachCheck();
        assertThat(check.appliesTo(InputPoints.query("imageUrl", "https://cdn.example.org/a.png", ValueShape.URL)))
                .isTrue();
        assertThat(check.appliesTo(InputPoints.query("sort", "name", ValueShape.SQL_NAME))).isFalse();
        assertThat(check.appliesTo(InputPoints.query("q", "coffee", ValueShape.FREE_TEXT))).isFalse();
    }

    @Test
    void isNotApplicableInAPassiveScan() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            ScanReport report = dev.parapet.checks.PassiveScans.scan(server.uri(), check());
            assertThat(CheckHarness.onlyRun(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(CheckHarness.onlyRun(report).requests()).isZero();
        }
    }

    /** The self-fetch screen of the recorded avatar parameter, then its confirmation when the screen saw a signal. */
    private static void screenAndConfirm(RecordingContext ctx) throws InterruptedException {
        SsrfInternalReachCheck check = new SsrfInternalReachCheck();
        InputPoint p = ctx.avatarPoint();
        SsrfInternalReachCheck.Signal signal = check.screen(ctx, p).orElseThrow(() -> new AssertionError(
                "the self-fetch showed no signal: " + ctx.sent));
        check.confirm(ctx, p, signal);
    }

    @Test
    void dataFileLoadsWithSignaturesThatMatchOnlyWhatTheyShould() {
        InternalTargets data = SsrfInternalReachCheck.DATA.get();
        assertThat(data.targets()).extracting(InternalTargets.Target::id).doesNotHaveDuplicates()
                .contains("docker-api", "kubelet", "file-passwd", "file-environ", "aws-metadata",
                        "cockroachdb-status-self");
        for (InternalTargets.Target t : data.targets()) {
            assertThat(t.minimum()).as(t.id()).isBetween(1, t.signatures().size());
            URI u = t.urlFor(4100);
            boolean loopback = TargetHost.isLoopbackOrFile(u);
            assertThat(loopback).as("%s is %s", u, t.scope()).isEqualTo(t.scope() == InternalTargets.Scope.LOOPBACK);
            assertThat(t.matches("{\"name\":\"profile-api\",\"error\":\"not found\"}")).as(t.id()).isEmpty();
        }
        InternalTargets.Target environ = data.targets().stream().filter(t -> t.id().equals("file-environ"))
                .findFirst().orElseThrow();
        assertThat(environ.matches("PATH=/usr/bin\u0000HOME=/root\u0000DATABASE_URL=x")).hasSize(3);
    }

    private static Finding byDiscriminatorTitle(List<Finding> findings, String titlePart) {
        return findings.stream().filter(f -> f.title().contains(titlePart)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding titled …" + titlePart + "… in "
                        + findings.stream().map(Finding::title).toList()));
    }
}
