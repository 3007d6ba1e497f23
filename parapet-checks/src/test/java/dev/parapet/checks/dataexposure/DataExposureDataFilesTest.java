package dev.parapet.checks.dataexposure;

import dev.parapet.checks.support.CheckData;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every data file of the data-exposure checks loads, its regexes compile, and its entries are well formed. */
class DataExposureDataFilesTest {

    @Test
    void secretSignaturesLoadWithUniqueIdsAndValidGroups() {
        SecretSignatures data = CheckData.load("secret-exposure", "signatures.json", SecretSignatures.class);
        Set<String> ids = new HashSet<>();
        for (SecretSignatures.Signature s : data.signatures()) {
            assertThat(ids.add(s.id())).as("duplicate id %s", s.id()).isTrue();
            assertThat(s.secretGroup()).as(s.id()).isBetween(1, s.pattern().matcher("").groupCount());
            assertThat(s.keep()).as(s.id()).isNotNegative();
        }
        assertThat(data.environment().minimum()).isGreaterThanOrEqualTo(2);
        assertThat(data.environment().patterns()).hasSize(data.environment().names().size()
                + data.environment().prefixes().size());
    }

    @Test
    void piiPatternsLoadAndKnowTheCommonCardSchemes() {
        PiiPatterns p = CheckData.load("pii-exposure", "patterns.json", PiiPatterns.class);
        assertThat(p.issuers()).containsKeys("Visa", "Mastercard", "American Express");
        assertThat(p.phones()).isNotEmpty();
        assertThat(p.testCards()).allSatisfy(card -> assertThat(PiiPatterns.luhnValid(card)).as(card).isTrue());
    }

    @Test
    void errorSignaturesLoadWithUniqueIdsAndProbes() {
        ErrorSignatures data = CheckData.load("error-disclosure", "signatures.json", ErrorSignatures.class);
        Set<String> ids = new HashSet<>();
        data.signatures().forEach(s -> assertThat(ids.add(s.id())).as("duplicate id %s", s.id()).isTrue());
        assertThat(data.signatures()).extracting(ErrorSignatures.Signature::kind)
                .contains(ErrorSignatures.Kind.SQL_ERROR, ErrorSignatures.Kind.STACK_TRACE);
        assertThat(data.probes()).isNotEmpty().hasSizeLessThanOrEqualTo(ErrorDisclosureCheck.DESCRIPTOR.requestBudget());
    }
}
