package dev.parapet.labs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PrerequisitesTest {

    @TempDir
    Path lab;

    @Test
    void reinstallsWhenNpmNeverInstalledTheLock() throws IOException {
        Files.writeString(lab.resolve("package-lock.json"), "{}");

        assertThat(Prerequisites.stale(lab)).isTrue();
    }

    @Test
    void reinstallsWhenTheLockChangedAfterTheLastInstall() throws IOException {
        Path installed = installedAt(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(lab.resolve("package-lock.json"), FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));

        assertThat(installed).exists();
        assertThat(Prerequisites.stale(lab)).isTrue();
    }

    @Test
    void keepsAnInstallNewerThanTheLock() throws IOException {
        installedAt(Instant.parse("2026-03-01T00:00:00Z"));
        Files.setLastModifiedTime(lab.resolve("package-lock.json"), FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));

        assertThat(Prerequisites.stale(lab)).isFalse();
    }

    @Test
    void readsTheMajorVersionNodePrints() {
        assertThat(Prerequisites.nodeMajor("v20.20.2")).isEqualTo(20);
        assertThat(Prerequisites.nodeMajor("v18.19.0")).isEqualTo(18);
        assertThat(Prerequisites.nodeMajor("garbage")).isZero();
    }

    private Path installedAt(Instant when) throws IOException {
        Files.writeString(lab.resolve("package-lock.json"), "{}");
        Path installed = Files.createDirectories(lab.resolve("node_modules")).resolve(".package-lock.json");
        Files.writeString(installed, "{}");
        Files.setLastModifiedTime(installed, FileTime.from(when));
        return installed;
    }
}
