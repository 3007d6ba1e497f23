package dev.parapet.triage;

import dev.parapet.config.ConfigException;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {

    @Test
    void roundTripsThroughItsVersionedFileFormat() {
        ScanReport report = TriageFixtures.report(List.of(TriageFixtures.finding("b", Severity.HIGH, "/x"),
                TriageFixtures.finding("a", Severity.LOW, "/y")));
        Baseline baseline = Baseline.of(report);
        String json = baseline.toJson();
        assertThat(json).startsWith("{\n  \"parapetBaseline\" : 1,").contains("\"scanId\" : \"0123456789ab\"");
        assertThat(Baseline.parse(json, "b.json")).isEqualTo(baseline);
        assertThat(List.copyOf(baseline.fingerprints())).hasSize(2).isSorted();
    }

    @Test
    void newerFormatIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> Baseline.parse("{\"parapetBaseline\": 2, \"fingerprints\": []}", "b.json"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("newer Parapet");
    }

    @Test
    void reportJsonIsNotMistakenForABaseline() {
        assertThatThrownBy(() -> Baseline.parse("{\"schemaVersion\": \"1.0\", \"findings\": []}", "r.json"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a Parapet baseline")
                .hasMessageContaining("parapet baseline create");
    }

    @Test
    void fingerprintsMustBeStrings() {
        assertThatThrownBy(() -> Baseline.parse("{\"parapetBaseline\": 1, \"fingerprints\": [1]}", "b.json"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("non-empty string");
    }
}
