package dev.parapet.checks.support;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckDataTest {

    record Sample(String name, Pattern pattern) {
    }

    @Test
    void loadsARecordWithCompiledPatternsAndComments() {
        Sample s = CheckData.load("check-data-test", "valid.json", Sample.class);
        assertThat(s.name()).isEqualTo("x");
        assertThat(s.pattern().matcher("AAA").matches()).isTrue();
    }

    @Test
    void rejectsUnknownPropertiesSoTyposInDataFilesFail() {
        assertThatThrownBy(() -> CheckData.load("check-data-test", "unknown-property.json", Sample.class))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("unknown-property.json");
    }

    @Test
    void rejectsARegexThatDoesNotCompile() {
        assertThatThrownBy(() -> CheckData.load("check-data-test", "bad-regex.json", Sample.class))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("bad-regex.json");
    }

    @Test
    void namesAMissingFile() {
        assertThatThrownBy(() -> CheckData.load("check-data-test", "absent.json", Sample.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/checks/check-data-test/absent.json");
    }
}
