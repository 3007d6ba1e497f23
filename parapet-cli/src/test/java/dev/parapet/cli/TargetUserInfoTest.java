package dev.parapet.cli;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.testkit.fixtures.TokenApiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A password written in the target URL authenticates the scan and appears in no output, history or store file. */
class TargetUserInfoTest {

    private static final String PASSWORD = "pw-Kq82Zx71Lm";

    @Test
    void aPasswordInTheTargetsUserInfoAuthenticatesAndNeverReachesAnOutputOrTheStoreFile(@TempDir Path dir)
            throws IOException {
        try (LoopbackHttpServer api = TokenApiFixtures.requiringBasic("ann", PASSWORD)) {
            String target = "http://ann:" + PASSWORD + "@127.0.0.1:" + api.uri().getPort() + "/";
            String db = "jdbc:h2:file:" + dir.resolve("store/parapet");
            Path json = dir.resolve("report.json");
            CliRun run = CliRun.of("scan", target, "--checks", "authentication", "--db", db, "--color", "never",
                    "--fail-on", "none", "-o", json.toString(), "-o", dir.resolve("report.md").toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).as(run.out()).contains("credentials accepted");
            String report = Files.readString(json);
            assertThat(report).contains("\"target\": \"http://127.0.0.1:" + api.uri().getPort() + "/\"");
            Matcher id = Pattern.compile("stored as scan ([0-9a-f]+)").matcher(run.err());
            assertThat(id.find()).as(run.err()).isTrue();

            CliRun history = CliRun.of("history", "--db", db);
            assertThat(history.out()).as(history.err()).contains(id.group(1)).contains("127.0.0.1");
            List<String> outputs = new ArrayList<>(List.of(run.out(), run.err(), report, history.out(),
                    history.err(), Files.readString(dir.resolve("report.md")),
                    CliRun.of("results", id.group(1), "--db", db, "--format", "json").out()));
            try (Stream<Path> files = Files.walk(dir.resolve("store"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    outputs.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(outputs).hasSizeGreaterThan(7).allSatisfy(o -> assertThat(o).doesNotContain(PASSWORD)
                    .doesNotContain("ann:"));
        }
    }
}
