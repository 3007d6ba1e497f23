package dev.parapet.checks.ssrf;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.demo.LoopbackHttpServer.Response;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.CheckOutcome;
import dev.parapet.testkit.fixtures.SsrfFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SsrfInternalReachCheckTest extends CheckContractTest {

    private static final int LOOPBACK_TARGETS = SsrfInternalReachCheck.DATA.within(
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
        new SsrfInternalReachCheck().run(ctx);
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
            new SsrfInternalReachCheck().run(ctx);
            assertThat(ctx.probeValues()).as(host).hasSize(1 + LOOPBACK_TARGETS).allMatch(TargetHost::isLoopbackOrFile);
        }
    }

    @Test
    void asksForCloudMetadataOnlyWhenTheTargetIsAPublicHost() throws InterruptedException {
        URI target = URI.create("https://api.shop.example/");
        RecordingContext ctx = RecordingContext.avatarApi(target, "https://cdn.shop.example/a.png",
                u -> RecordingContext.rootBody("https://cdn.shop.example/a.png"));
        new SsrfInternalReachCheck().run(ctx);
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
    void isNotApplicableWithoutUrlParameters() throws InterruptedException {
        RecordingContext ctx = RecordingContext.avatarApi(URI.create("http://127.0.0.1:4100/"), "x", u -> "");
        var none = new dev.parapet.spi.Inventory(ctx.inventory().target(), ctx.inventory().endpoints().subList(0, 1),
                ctx.inventory().exchanges(), List.of());
        RecordingContext bare = RecordingContext.of(none, u -> "");
        assertThat(new SsrfInternalReachCheck().run(bare)).isInstanceOf(CheckOutcome.NotApplicable.class);
        assertThat(bare.sent).isEmpty();
    }

    @Test
    void replacesOnlyTheProbedParameterAndKeepsTheOthersAsSent() {
        URI uri = URI.create("http://127.0.0.1:4100/preview?format=json&q=a%20b&url=https://cdn.example.org/x.png");
        UrlParameter p = UrlParameter.find(new dev.parapet.spi.Inventory(uri, List.of(new dev.parapet.model.Endpoint(
                "GET", uri, dev.parapet.model.Endpoint.Source.TARGET)), List.of(), List.of()),
                SsrfInternalReachCheck.DATA).getFirst();
        assertThat(p.name()).isEqualTo("url");
        assertThat(p.valueIsUrl()).isTrue();
        assertThat(p.withValue("file:///etc/passwd").toString()).isEqualTo(
                "http://127.0.0.1:4100/preview?format=json&q=a%20b&url=file%3A%2F%2F%2Fetc%2Fpasswd");
    }

    @Test
    void readsUrlAcceptingNamesInEveryCase() {
        InternalTargets data = SsrfInternalReachCheck.DATA;
        assertThat(List.of("url", "avatar_url", "imageUrl", "callback-uri", "next", "webhookTarget"))
                .allMatch(data::acceptsUrl);
        assertThat(List.of("userId", "sort", "table", "name", "order", "q", "curly")).noneMatch(data::acceptsUrl);
    }

    @Test
    void dataFileLoadsWithSignaturesThatMatchOnlyWhatTheyShould() {
        InternalTargets data = SsrfInternalReachCheck.DATA;
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
