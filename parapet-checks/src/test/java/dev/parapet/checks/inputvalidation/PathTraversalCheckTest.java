package dev.parapet.checks.inputvalidation;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.spi.ValueShape;
import dev.parapet.checks.support.InputPoints;
import dev.parapet.testkit.CheckHarness;
import dev.parapet.testkit.fixtures.PathTraversalFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PathTraversalCheckTest extends CheckContractTest {

    private static final TraversalProbes PROBES = TraversalProbes.load();

    @Override
    protected Check check() {
        return new PathTraversalCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return PathTraversalFixtures.unconfined();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return PathTraversalFixtures.confined();
    }

    private List<Finding> findingsOn(LoopbackHttpServer server) {
        try (server) {
            return CheckHarness.findings(server.uri(), check());
        }
    }

    private static Finding reading(List<Finding> findings, String label) {
        return findings.stream().filter(f -> f.title().contains(label)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing reads " + label + " in " + findings));
    }

    @Test
    void readsProcSelfEnvironWithADatabasePasswordAsCriticalAndMasksIt() throws IOException {
        Finding f = reading(findingsOn(PathTraversalFixtures.unconfined()), "/proc/self/environ");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.parameter()).isEqualTo("name");
        assertThat(f.tags()).contains("container-escape", "stage:host", "stage:credentials");
        assertThat(f.evidence()).contains("DATABASE_URL=post****").contains("PATH")
                .doesNotContain("Kx7q-lab").doesNotContain("/usr/local/sbin");
        assertThat(f.exchanges().getFirst().request().uri().getRawQuery())
                .isEqualTo("name=../../../../../../../../proc/self/environ");
    }

    @Test
    void readsEtcPasswdAsHighWithHostTags() throws IOException {
        Finding f = reading(findingsOn(PathTraversalFixtures.unconfined()), "/etc/passwd");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.tags()).contains("container-escape", "stage:host").doesNotContain("stage:credentials");
        assertThat(f.evidence()).contains("root:x:0:0:").contains("baseline name=readme.txt -> 200");
        assertThat(f.curl()).contains("/files?name=../../../../../../../../etc/passwd");
    }

    @Test
    void namesTheContainerRuntimeFromProcSelfCgroup() throws IOException {
        Finding docker = reading(findingsOn(PathTraversalFixtures.unconfined()), "/proc/self/cgroup");
        assertThat(docker.title()).contains("Docker");
        assertThat(docker.severity()).isEqualTo(Severity.HIGH);
        Finding pod = reading(findingsOn(PathTraversalFixtures.unconfinedInKubernetes()), "/proc/self/cgroup");
        assertThat(pod.title()).contains("kubepods");
    }

    @Test
    void readsAMountedServiceAccountTokenAsCriticalCredential() throws IOException {
        Finding f = reading(findingsOn(PathTraversalFixtures.unconfinedInKubernetes()), "service-account token");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.tags()).contains("stage:credentials");
        assertThat(f.evidence()).contains("eyJh****").doesNotContain("eyJpc3Mi");
    }

    @Test
    void reportsEachFileOncePerParameter() throws IOException {
        assertThat(findingsOn(PathTraversalFixtures.unconfined())).extracting(Finding::fingerprint)
                .doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void readsTheApplicationsOwnDotEnvTwoLevelsUpWhenReadsAreConfinedToTheAppTree() throws IOException {
        List<Finding> findings = findingsOn(PathTraversalFixtures.confinedToAppTree());
        Finding env = reading(findings, ".env");
        assertThat(env.severity()).as("it holds a password").isEqualTo(Severity.CRITICAL);
        assertThat(env.tags()).contains("stage:credentials", "container-escape");
        assertThat(env.title()).contains("(../../.env)");
        assertThat(env.evidence()).contains("DB_PASSWORD=").doesNotContain("9vRt").contains("NODE_ENV");
        Finding manifest = reading(findings, "package.json");
        assertThat(manifest.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(findings).noneMatch(f -> f.title().contains("/etc/passwd"));
    }

    @Test
    void recognisesApplicationFilesByTheirContentNotByAnAnswer() {
        TraversalProbes.Target env = PROBES.appFiles().named(List.of("dotenv")).getFirst();
        assertThat(env.readIn("FLASK_APP=app.py\nSECRET_KEY=abc\n", "Shop documents\n")).isTrue();
        assertThat(env.readIn("{\"error\":\"no such template\"}", "Shop documents\n")).isFalse();
        TraversalProbes.Target requirements = PROBES.appFiles().named(List.of("requirements-txt")).getFirst();
        assertThat(requirements.readIn("# pinned\nFlask>=2.2\nPyYAML>=6.0\n", "x")).isTrue();
        assertThat(requirements.readIn("<html><body>Flask>=2.2</body></html>", "x")).isFalse();
        assertThat(PROBES.appFiles().files()).extracting(TraversalProbes.Target::path)
                .contains(".env", "app.py", "config.py", "package.json", "application.properties", "WEB-INF/web.xml",
                        "requirements.txt", "composer.json");
    }

    @Test
    void ignoresAFileSignatureTheBaselineAlreadyCarries() throws IOException {
        assertThat(findingsOn(PathTraversalFixtures.helpPageQuotingPasswd())).isEmpty();
    }

    @Test
    void namesCgroupVersionTwoWhenNoRuntimeIsNamed() {
        assertThat(HostFileEvidence.runtime(PROBES, "0::/\n")).isEqualTo("cgroup v2 (0::/)");
        TraversalProbes.Target cgroup = PROBES.targets().stream().filter(t -> t.id().equals("cgroup")).findFirst()
                .orElseThrow();
        assertThat(cgroup.readIn("0::/\n", "Shop documents\n")).isTrue();
        assertThat(cgroup.readIn("{\"error\":\"not found\"}", "Shop documents\n")).isFalse();
    }

    @Test
    void neverProbesNumericOrUrlValues() {
        PathTraversalCheck check = new PathTraversalCheck();
        assertThat(check.appliesTo(InputPoints.query("page", "2", ValueShape.FILE, ValueShape.NUMERIC))).isFalse();
        assertThat(check.appliesTo(InputPoints.query("url", "http://127.0.0.1/logo.png", ValueShape.FILE,
                ValueShape.URL))).isFalse();
        assertThat(check.appliesTo(InputPoints.query("name", "readme.txt", ValueShape.FILE))).isTrue();
        assertThat(check.appliesTo(InputPoints.query("picture", "cat.png", ValueShape.FILE,
                ValueShape.FREE_TEXT))).isTrue();
        assertThat(check.appliesTo(InputPoints.query("q", "shoes", ValueShape.FREE_TEXT))).isFalse();
    }

    @Test
    void dataFileLoadsWithCompilingPatternsAndOnePrimaryTarget() {
        assertThat(PROBES.targets()).filteredOn(t -> t.role() == TraversalProbes.Role.PRIMARY).hasSize(1);
        assertThat(PROBES.targets()).allSatisfy(t -> assertThat(t.signatures()).isNotEmpty()
                .allSatisfy(p -> assertThat(p).isInstanceOf(Pattern.class)));
        assertThat(PROBES.variants()).extracting(TraversalProbes.Variant::id)
                .contains("dot-dot-slash", "percent-encoded", "encoded-slash", "absolute");
        assertThat(PROBES.variants()).allSatisfy(v -> assertThat(URI.create("http://h/f?name="
                + v.value(PROBES.targets().getFirst()))).isNotNull());
    }

    @Test
    void sendsNoTraversalInPassiveMode() {
        assertThat(new PathTraversalCheck().notApplicable(PassiveContext.of(URI.create("http://127.0.0.1:9/"),
                List.of()))).isPresent();
    }
}
