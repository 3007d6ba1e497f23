package dev.parapet.score;

import dev.parapet.model.AttackPath;
import dev.parapet.model.Category;
import dev.parapet.model.Confidence;
import dev.parapet.model.Endpoint;
import dev.parapet.model.Finding;
import dev.parapet.model.Severity;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Encodes the attack-path rules of docs/scoring.md section 6. */
class AttackPathsTest {

    @Test
    void oneTaggedFindingIsNoPath() {
        assertThat(AttackPaths.build(List.of(escape("sqli", Severity.HIGH, AttackPaths.STAGE_ENTRY)))).isEmpty();
    }

    @Test
    void untaggedFindingsNeverJoinAPath() {
        Finding plain = Finding.builder("cors", Category.INPUT_VALIDATION).severity(Severity.HIGH).title("cors")
                .endpoint(endpoint("/c")).build();
        assertThat(AttackPaths.build(List.of(plain, escape("sqli", Severity.HIGH, AttackPaths.STAGE_ENTRY))))
                .isEmpty();
    }

    @Test
    void twoStagesRaiseTheWorstSeverityOneLevelAndOrderStepsByStage() {
        Finding host = escape("proc", Severity.MEDIUM, AttackPaths.STAGE_HOST);
        Finding entry = escape("sqli", Severity.HIGH, AttackPaths.STAGE_ENTRY);
        List<AttackPath> paths = AttackPaths.build(List.of(host, entry));
        assertThat(paths).hasSize(1);
        assertThat(paths.getFirst().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(paths.getFirst().steps()).containsExactly(entry.fingerprint(), host.fingerprint());
        assertThat(paths.getFirst().narrative()).startsWith("1. sqli").contains("→ 2. proc");
    }

    @Test
    void oneStageKeepsTheWorstSeverity() {
        List<AttackPath> paths = AttackPaths.build(List.of(escape("a", Severity.MEDIUM, AttackPaths.STAGE_ENTRY),
                escape("b", Severity.HIGH, AttackPaths.STAGE_ENTRY)));
        assertThat(paths.getFirst().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void criticalIsNotRaisedFurther() {
        List<AttackPath> paths = AttackPaths.build(List.of(escape("a", Severity.CRITICAL, AttackPaths.STAGE_ENTRY),
                escape("b", Severity.LOW, AttackPaths.STAGE_HOST)));
        assertThat(paths.getFirst().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aFindingWithoutAStageTagIsALastStepButNotAStage() {
        Finding entry = escape("sqli", Severity.MEDIUM, AttackPaths.STAGE_ENTRY);
        Finding unstaged = escape("debug", Severity.LOW, null);
        List<AttackPath> paths = AttackPaths.build(List.of(unstaged, entry));
        assertThat(paths.getFirst().steps()).containsExactly(entry.fingerprint(), unstaged.fingerprint());
        assertThat(paths.getFirst().severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void withinAStageTheMoreSevereStepComesFirst() {
        Finding low = escape("env", Severity.LOW, AttackPaths.STAGE_CREDENTIALS);
        Finding high = escape("conn", Severity.HIGH, AttackPaths.STAGE_CREDENTIALS);
        assertThat(AttackPaths.build(List.of(low, high)).getFirst().steps())
                .containsExactly(high.fingerprint(), low.fingerprint());
    }

    private static Finding escape(String id, Severity severity, String stage) {
        Finding.Builder b = Finding.builder(id, Category.INPUT_VALIDATION).severity(severity)
                .confidence(Confidence.FIRM).title(id).endpoint(endpoint("/" + id)).tag(Finding.TAG_CONTAINER_ESCAPE);
        if (stage != null) {
            b.tag(stage);
        }
        return b.build();
    }

    private static Endpoint endpoint(String path) {
        return new Endpoint("GET", URI.create("http://127.0.0.1:1" + path), Endpoint.Source.DISCOVERED);
    }
}
