package dev.parapet.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.service.ScanService;
import dev.parapet.store.ScanStore;
import dev.parapet.store.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Trying it by hand" example of {@code docs/mcp.md}, exactly as written: its JSON lines go to the server in one
 * piece and the input ends right after them, as with {@code printf ... | parapet mcp}; every request is answered.
 */
class DocumentedExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINE = Pattern.compile("^\\s*'(\\{.*})'\\s*\\\\?$");

    @TempDir
    Path home;

    static List<String> documentedLines() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "mcp.md"));
        String section = doc.substring(doc.indexOf("## Trying it by hand"));
        section = section.substring(section.indexOf("```bash"), section.indexOf("```", section.indexOf("```bash") + 7));
        List<String> lines = new ArrayList<>();
        for (String line : section.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                lines.add(m.group(1));
            }
        }
        return lines;
    }

    /** Serves {@code lines} (then the end of input) and returns every message the server wrote. */
    static List<JsonNode> serve(ParapetTools tools, List<String> lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        ParapetMcpServer.serve(tools, "test", new ByteArrayInputStream(in), out);
        List<JsonNode> messages = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                messages.add(JSON.readTree(line));
            }
        }
        return messages;
    }

    static JsonNode answer(List<JsonNode> messages, int id) {
        return messages.stream().filter(m -> m.path("id").asInt(-1) == id && !m.has("method")).findFirst()
                .orElseThrow(() -> new AssertionError("no answer to request " + id + " in " + messages));
    }

    @Test
    void everyDocumentedRequestIsAnsweredAsTheDocsSay() throws Exception {
        List<String> lines = documentedLines();
        assertThat(lines).hasSize(4);
        ParapetTools tools = new ParapetTools(ScanService.withInstalledChecks(),
                new OnceOpened<>(() -> ScanStore.open(StoreLocation.embedded(home))),
                TargetPolicy.withSystemResolver(List.of()), Map.of());

        List<JsonNode> messages = serve(tools, lines);

        assertThat(answer(messages, 1).path("result").path("serverInfo").path("name").asText()).isEqualTo("parapet");
        JsonNode listed = answer(messages, 2).path("result").path("tools");
        List<String> names = new ArrayList<>();
        listed.forEach(t -> {
            names.add(t.path("name").asText());
            assertThat(t.path("outputSchema").path("type").asText()).as(t.path("name").asText()).isEqualTo("object");
            assertThat(t.path("annotations").has("readOnlyHint")).isTrue();
        });
        assertThat(names).containsExactlyInAnyOrder("scan_api", "get_scan", "get_finding", "get_report",
                "list_scans", "diff_scans", "list_checks");
        JsonNode checks = answer(messages, 3).path("result");
        assertThat(checks.path("isError").asBoolean()).isFalse();
        assertThat(checks.path("content").get(0).path("text").asText()).matches("(?s)\\d+ checks:.*");
        assertThat(checks.path("structuredContent").path("checks").size())
                .isEqualTo(ScanService.withInstalledChecks().descriptors().size());
    }
}
