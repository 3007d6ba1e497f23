package dev.parapet.checks.dataexposure;

import dev.parapet.checks.CheckContractTest;
import dev.parapet.checks.dataexposure.PiiScanner.Kind;
import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import dev.parapet.spi.Check;
import dev.parapet.testkit.fixtures.DataExposurePiiFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PiiExposureCheckTest extends CheckContractTest {

    private static final PiiScanner SCANNER = new PiiScanner(PiiExposureCheck.PATTERNS.get());

    @Override
    protected Check check() {
        return new PiiExposureCheck();
    }

    @Override
    protected LoopbackHttpServer startVulnerable() throws IOException {
        return DataExposurePiiFixtures.exposingPersonalData();
    }

    @Override
    protected LoopbackHttpServer startSafe() throws IOException {
        return DataExposurePiiFixtures.maskingPersonalData();
    }

    @Test
    void reportsEachKindOnceWithCountsAndMaskedSamples() throws IOException {
        try (LoopbackHttpServer server = startVulnerable()) {
            List<Finding> findings = scan(server).findings();
            assertThat(findings).extracting(Finding::title).containsExactlyInAnyOrder(
                    "Response lists email addresses of several people",
                    "Response lists phone numbers of several people",
                    "Response contains unmasked payment card numbers",
                    "Response contains unmasked US Social Security number");
            Finding emails = byTitle(findings, "Response lists email");
            assertThat(emails.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(emails.evidence()).startsWith("2 distinct email addresses").contains("a***@example.com")
                    .doesNotContain("alice.moreau");
            Finding cards = byTitle(findings, "Response contains unmasked payment");
            assertThat(cards.severity()).isEqualTo(Severity.HIGH);
            assertThat(cards.evidence()).contains("Visa **** 6467", "Mastercard **** 7892").doesNotContain("4539");
            assertThat(byTitle(findings, "Response contains unmasked US").evidence()).contains("***-**-8410");
        }
    }

    @Test
    void flagsLuhnValidCardNumberButNotTestNumbersOrBadChecksums() {
        assertThat(SCANNER.scan("{\"card\":\"4539148803436467\"}")).containsKey(Kind.CARD);
        assertThat(SCANNER.scan("{\"card\":\"4539148803436468\"}")).doesNotContainKey(Kind.CARD);
        assertThat(SCANNER.scan("{\"card\":\"4242 4242 4242 4242\"}")).doesNotContainKey(Kind.CARD);
        assertThat(SCANNER.scan("{\"ts\":1700000000000,\"id\":9007199254740993}")).doesNotContainKey(Kind.CARD);
    }

    @Test
    void ignoresSsnWithoutContext() {
        assertThat(SCANNER.scan("{\"orderNumber\":\"123456789\",\"ref\":\"536-22-8410\"}")).doesNotContainKey(Kind.SSN);
        assertThat(SCANNER.scan("{\"ssn\":\"536228410\"}")).containsKey(Kind.SSN);
        assertThat(SCANNER.scan("Social Security Number: 536-22-8410")).containsKey(Kind.SSN);
        // a label that belongs to the previous field does not count
        assertThat(SCANNER.scan("{\"ssnVerified\":true,\"orderNumber\":\"536228410\"}")).doesNotContainKey(Kind.SSN);
        assertThat(SCANNER.scan("{\"ssn\":\"666-22-8410\"}")).doesNotContainKey(Kind.SSN);
    }

    @Test
    void doesNotTakeTimestampsIdsOrAmountsForPhoneNumbers() {
        assertThat(SCANNER.scan("""
                {"createdAt":"2024-01-15T10:30:00Z","placed":"2024-03-02 14:05:09","id":1700000000001,
                 "total":"1234567.89","version":"10.2.3","uuid":"550e8400-e29b-41d4-a716-446655440000"}"""))
                .doesNotContainKey(Kind.PHONE);
        assertThat(SCANNER.scan("call +44 20 7946 0958 or 212.555.0147")).extractingByKey(Kind.PHONE)
                .satisfies(f -> assertThat(f.masked()).hasSize(2));
    }

    @Test
    void ignoresRoleMailboxesAndFileNamesThatLookLikeEmails() {
        assertThat(SCANNER.scan("{\"contact\":\"support@example.com\",\"img\":\"logo@2x.png\"}"))
                .doesNotContainKey(Kind.EMAIL);
    }

    @Test
    void doesNotTakeTheCredentialsOfAConnectionStringForAnEmail() {
        assertThat(SCANNER.scan("{\"DATABASE_URL\":\"postgres://shop:S3cret-pass@db.internal:5432/shop\"}"))
                .doesNotContainKey(Kind.EMAIL);
        assertThat(SCANNER.scan("<a href=\"mailto:ada.lovelace@example.com\">mail</a>")).containsKey(Kind.EMAIL);
    }

    private static Finding byTitle(List<Finding> findings, String prefix) {
        return findings.stream().filter(f -> f.title().startsWith(prefix)).findFirst().orElseThrow();
    }
}
