package dev.parapet.mcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecArgumentTest {

    @TempDir
    Path dir;

    private final TargetPolicy policy = new TargetPolicy(List.of(), host -> {
        throw new java.net.UnknownHostException(host);
    });

    @Test
    void aFileUnderTheWorkingDirectoryBecomesItsRealPath() throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/api.yaml"), "openapi: 3.0.0");
        SpecArgument spec = SpecArgument.judge("docs/../docs/api.yaml", dir, policy);
        assertThat(spec.spec()).isEqualTo(dir.toRealPath().resolve("docs/api.yaml").toString());
        assertThat(spec.specHost()).isEmpty();
        assertThat(SpecArgument.judge(dir.resolve("docs/api.yaml").toString(), dir, policy).spec())
                .isEqualTo(spec.spec());
    }

    @Test
    void aSymlinkInsideThatLeadsOutsideIsRefused() throws Exception {
        Path outside = Files.createTempFile("parapet-spec", ".yaml");
        try {
            Files.createSymbolicLink(dir.resolve("api.yaml"), outside);
            assertThatThrownBy(() -> SpecArgument.judge("api.yaml", dir, policy))
                    .isInstanceOf(ToolException.class).hasMessageContaining("outside the server's working directory");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aDirectoryIsNotASpec() throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        assertThatThrownBy(() -> SpecArgument.judge("docs", dir, policy))
                .isInstanceOf(ToolException.class).hasMessageContaining("not a regular file");
    }

    @Test
    void aUrlOnALoopbackAddressIsASpecHostAndOtherSchemesAreRefused() {
        SpecArgument spec = SpecArgument.judge("http://127.0.0.1:8080/openapi.json", dir, policy);
        assertThat(spec.specHost()).contains("127.0.0.1:8080");
        assertThat(spec.url()).isPresent();
        assertThatThrownBy(() -> SpecArgument.judge("http://u:p@127.0.0.1/openapi.json", dir, policy))
                .isInstanceOf(ToolException.class).hasMessageContaining("no user info");
        assertThatThrownBy(() -> SpecArgument.judge("ftp://127.0.0.1/openapi.json", dir, policy))
                .isInstanceOf(ToolException.class).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> SpecArgument.judge("https://203.0.113.9/openapi.json", dir, policy))
                .isInstanceOf(ToolException.class).hasMessageContaining("spec URL refused");
    }
}
