package dev.parapet.checks.dataexposure;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Confidence;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.fixtures.DataExposureSecretFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

class SecretExposureCheckTest extends CheckContractTest {

    @Override
    protected Check check() {
        return new SecretExposureCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return DataExposureSecretFixtures.leakingSecrets();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return DataExposureSecretFixtures.placeholdersOnly();
    }

    @Test
    void reportsEachKindOfSecretWithItsSeverityAndMasksIt() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            List<Finding> findings = scan(server).findings();
            assertThat(findings).extracting(Finding::title).contains(
                    "Database connection string with a password exposed in a response",
                    "Stripe live secret key exposed in a response",
                    "GitHub token exposed in a response",
                    "Private key exposed in a response",
                    "AWS access key id exposed in a response",
                    "JSON Web Token exposed in a response",
                    "Process environment variables exposed in a response");
            Finding db = byTitle(findings, "Database connection string");
            assertThat(db.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(db.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(db.tags()).contains(Finding.TAG_CONTAINER_ESCAPE, "stage:credentials");
            assertThat(db.evidence()).contains("postgres://billing:", "@db.internal:5432").doesNotContain("Tr0ub4dor");
            assertThat(byTitle(findings, "Stripe").evidence()).doesNotContain("51HbQ7");
            assertThat(findings).allSatisfy(f -> assertThat(f.evidence()).doesNotContain("k2J9sLq8", "Tr0ub4dor", "Q3EGRK7W"));
            assertThat(byTitle(findings, "Stripe").severity()).isEqualTo(Severity.HIGH);
            assertThat(byTitle(findings, "JSON Web Token").severity()).isEqualTo(Severity.MEDIUM);
            assertThat(byTitle(findings, "JSON Web Token").endpoint().uri().getPath()).isEqualTo("/api/invoices");
            Finding env = byTitle(findings, "Process environment");
            assertThat(env.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(env.tags()).contains(Finding.TAG_CONTAINER_ESCAPE, "stage:credentials");
            assertThat(env.evidence()).contains("PATH", "HOME", "NODE_ENV", "DATABASE_URL");
            assertThat(byTitle(findings, "Private key").evidence()).contains("-----BEGIN PRIVATE KEY-----", "-----END").doesNotContain("MIIE", "Zr1Ws5");
        }
    }

    @Test
    void ignoresPlaceholdersAndPublishedExampleKeys() {
        assertThat(SecretExposureCheck.DATA.get().isPlaceholder("${DB_PASSWORD}")).isTrue();
        assertThat(SecretExposureCheck.DATA.get().isPlaceholder("<password>")).isTrue();
        assertThat(SecretExposureCheck.DATA.get().isPlaceholder("AKIA" + "IOSFODNN7EXAMPLE")).isTrue();
        assertThat(SecretExposureCheck.DATA.get().isPlaceholder("Tr0ub4dor-x7Qp")).isFalse();
    }

    @Test
    void recognisesEnvironmentDumpsAsJsonDotenvTextAndProcEnviron() {
        var env = SecretExposureCheck.DATA.get().environment();
        assertThat(env.namesIn("{\"PATH\":\"/usr/bin\",\"HOME\":\"/root\",\"AWS_REGION\":\"eu-west-1\"}"))
                .containsExactly("PATH", "HOME", "AWS_REGION");
        assertThat(env.namesIn("NODE_ENV=production\nDATABASE_URL=postgres://a:b@db/x\nPORT=3000\nHOSTNAME=web-1"))
                .contains("NODE_ENV", "DATABASE_URL", "HOSTNAME");
        assertThat(env.namesIn("PATH=/usr/bin\u0000HOME=/root\u0000KUBERNETES_SERVICE_HOST=10.0.0.1\u0000"))
                .containsExactly("PATH", "HOME", "KUBERNETES_SERVICE_HOST");
        // prose naming variables, or names without values, is documentation, not a dump
        assertThat(env.namesIn("Set PATH, HOME and NODE_ENV before starting; {\"PATH\":\"\"}")).isEmpty();
    }

    @Test
    void believesAJwtOnlyWhenItsHeaderNamesAnAlgorithm() {
        assertThat(SecretSignatures.hasJwtHeader("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln")).isTrue();
        // "eyJ" followed by a segment that decodes to {"foo":"bar"}: JSON but no alg
        assertThat(SecretSignatures.hasJwtHeader("eyJmb28iOiJiYXIifQ.eyJzdWIiOiIxIn0.c2ln")).isFalse();
        assertThat(SecretSignatures.hasJwtHeader("eyJ!!!.x.y")).isFalse();
    }

    @Test
    void everySignatureMatchesAnExampleOfItsFormat() {
        String stripe = "sk_" + "live_" + "abcdefghijklmnop1234";
        assertThat(matches("stripe-live-key", "{\"key\":\"" + stripe + "\"}")).isEqualTo(stripe);
        assertThat(matches("slack-token", "xox" + "b-1234567890-abcdefghij")).startsWith("xoxb-");
        assertThat(matches("google-api-key", "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q")).startsWith("AIza");
        assertThat(matches("jdbc-password", "jdbc:mysql://db:3306/app?user=app&password=hunter22x")).isEqualTo("hunter22x");
        assertThat(matches("database-url", "mongodb+srv://app:p4ss-w0rd@cluster0.example.net/app")).isEqualTo("p4ss-w0rd");
        assertThat(matches("aws-secret-access-key",
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8h3K2LmN")).hasSize(40);
    }

    @Test
    void recognisesPasswordHashFormatsButNotShorterLookalikes() {
        String bcrypt = "$2b$12$EgOYyYSABNP2DAjtezOPWa.gCzdANhnZqy.yCltllHVIgxXK/QNZM";
        assertThat(matches("password-hash", "{\"password_hash\":\"" + bcrypt + "\"}")).isEqualTo(bcrypt);
        String argon = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQxMjM$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";
        assertThat(matches("password-hash", argon)).isEqualTo(argon);
        String django = "pbkdf2_sha256$600000$s4lt$Yk1hY2tlZFBhc3N3b3JkSGFzaFZhbHVlMQ==";
        assertThat(matches("password-hash", django)).isEqualTo(django);
        assertThat(matches("password-hash", "price: $2b$12$ too short")).isEmpty();
    }

    private static String matches(String id, String text) {
        var s = SecretExposureCheck.DATA.get().signatures().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        Matcher m = s.pattern().matcher(text);
        return m.find() ? m.group(s.secretGroup()) : "";
    }

    private static Finding byTitle(List<Finding> findings, String prefix) {
        return findings.stream().filter(f -> f.title().startsWith(prefix)).findFirst().orElseThrow();
    }
}
