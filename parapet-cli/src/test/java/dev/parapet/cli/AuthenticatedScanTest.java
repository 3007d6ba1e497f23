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

class AuthenticatedScanTest {

    private static final String TOKEN = "tkn-Zq7Rw2Lp9Xv4Mb8N";

    @Test
    void rejectedCredentialsAreSaidInTheFirstLinesOnStderrAndInJson(@TempDir Path dir) throws IOException {
        try (LoopbackHttpServer api = TokenApiFixtures.requiringBearer("the-right-token-42")) {
            Path json = dir.resolve("r.json");
            CliRun run = CliRun.of("scan", api.uri().toString(), "--auth-bearer", "an-expired-token-7",
                    "--checks", "authentication", "--no-store", "--color", "never", "-o", json.toString());
            List<String> firstLines = run.out().lines().limit(6).toList();
            assertThat(String.join("\n", firstLines)).as(run.out())
                    .contains("!! CREDENTIALS REJECTED: the target answered 401 to the supplied credentials on /api/")
                    .contains("anonymous scan");
            assertThat(run.err()).containsPattern("parapet: warning: credentials rejected: the target answered 401");
            assertThat(run.err().lines().filter(l -> l.contains("credentials rejected")).count()).isEqualTo(2);
            String written = Files.readString(json);
            assertThat(written).contains("\"auth\": {").contains("\"state\": \"rejected\"")
                    .contains("\"identities\": 1").doesNotContain("an-expired-token-7");
        }
    }

    @Test
    void acceptedCredentialsAreNamedWithTheRequestsThatCarriedThem(@TempDir Path dir) throws IOException {
        try (LoopbackHttpServer api = TokenApiFixtures.requiringBearer("the-right-token-42")) {
            CliRun run = CliRun.of("scan", api.uri().toString(), "--auth-bearer", "the-right-token-42",
                    "--checks", "authentication", "--no-store", "--color", "never");
            assertThat(run.out().lines().limit(4).toList()).as(run.out())
                    .anyMatch(l -> l.startsWith("Authenticated: credentials accepted ("));
            assertThat(run.err()).doesNotContain("rejected");
        }
    }

    @Test
    void aScanWithABearerTokenLeavesNoTraceOfItInAnyOutputOrTheStore(@TempDir Path dir) throws IOException {
        try (LoopbackHttpServer api = TokenApiFixtures.echoingBearer(TOKEN)) {
            String db = "jdbc:h2:file:" + dir.resolve("store/parapet");
            List<String> args = new ArrayList<>(List.of("scan", api.uri().toString(), "--auth-bearer", TOKEN,
                    "--db", db, "--color", "never", "--fail-on", "none"));
            for (String ext : List.of("json", "sarif", "md", "html")) {
                args.addAll(List.of("-o", dir.resolve("report." + ext).toString()));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isZero();
            String report = Files.readString(dir.resolve("report.json"));
            assertThat(report).as(report).containsIgnoringCase("X-Seen-Auth").contains("\"auth\"");
            Matcher id = Pattern.compile("stored as scan ([0-9a-f]+)").matcher(run.err());
            assertThat(id.find()).as(run.err()).isTrue();
            List<String> outputs = new ArrayList<>(List.of(run.out(), run.err()));
            for (String ext : List.of("json", "sarif", "md", "html")) {
                outputs.add(Files.readString(dir.resolve("report." + ext)));
            }
            outputs.add(CliRun.of("results", id.group(1), "--db", db, "--format", "json").out());
            try (Stream<Path> files = Files.walk(dir.resolve("store"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    outputs.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(outputs).hasSizeGreaterThan(7).allSatisfy(o -> assertThat(o).doesNotContain(TOKEN)
                    .doesNotContain(TOKEN.substring(4)));
        }
    }
}
