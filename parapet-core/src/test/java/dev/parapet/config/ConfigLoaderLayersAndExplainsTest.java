package dev.parapet.config;

import dev.parapet.model.ScanContext;
import dev.parapet.model.ScanMode;
import dev.parapet.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderLayersAndExplainsTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:8080/api");

    @Test
    void withoutAnyLayerEveryValueIsTheDefault() {
        ConfigLoader.Resolved r = resolve(Map.of(), Map.of(), Map.of());
        assertThat(r.scan()).isEqualTo(ScanConfig.defaults(TARGET));
        assertThat(r.gate()).isEqualTo(Gate.DEFAULT);
    }

    @Test
    void laterLayersWinKeyByKey(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("parapet.yaml");
        Files.writeString(yaml, "rate: 5\nconcurrency: 2\nmax-time: 30s\nmode: passive\n");
        Map<String, String> env = ConfigLoader.fromEnvironment(Map.of(
                "PARAPET_CONCURRENCY", "3", "PARAPET_MAX_TIME", "45s", "HOME", "/root"));
        ConfigLoader.Resolved r = ConfigLoader.resolve(TARGET, ConfigLoader.readFile(yaml), env,
                Map.of("max-time", "2m"));
        assertThat(r.scan().rate()).isEqualTo(5.0);                     // file
        assertThat(r.scan().concurrency()).isEqualTo(3);                // env over file
        assertThat(r.scan().maxTime()).isEqualTo(Duration.ofMinutes(2)); // flag over env and file
        assertThat(r.scan().mode()).isEqualTo(ScanMode.PASSIVE);         // file over default
        assertThat(r.scan().readTimeout()).isEqualTo(ScanConfig.defaults(TARGET).readTimeout()); // default
    }

    @Test
    void aMissingFileIsAnEmptyLayerAndYamlListsBecomeCommaLists(@TempDir Path dir) throws IOException {
        assertThat(ConfigLoader.readFile(dir.resolve("absent.yaml"))).isEmpty();
        Path yaml = dir.resolve("parapet.yaml");
        Files.writeString(yaml, "checks:\n  - cors\n  - Encryption\nscope:\n  - https://auth.example.com\n");
        ConfigLoader.Resolved r = ConfigLoader.resolve(TARGET, ConfigLoader.readFile(yaml), Map.of(), Map.of());
        assertThat(r.scan().checks()).containsExactlyInAnyOrder("cors", "encryption");
        assertThat(r.scan().scope()).containsExactly(URI.create("https://auth.example.com"));
    }

    @ParameterizedTest(name = "{0} rate={1}")
    @CsvSource(delimiter = '|', value = {
            "flag | abc  | --rate must be a number from 0.1 to 10000, got 'abc' (for example --rate 10)",
            "env  | 0    | PARAPET_RATE must be a number from 0.1 to 10000, got '0' (for example PARAPET_RATE=10)",
            "file | 50000 | parapet.yaml: rate must be a number from 0.1 to 10000, got '50000' (for example rate: 10)",
    })
    void aBadValueNamesItsSourceAndGivesAnExample(String layer, String value, String message) {
        assertThatThrownBy(() -> resolveIn(layer, "rate", value))
                .isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "concurrency       | 2.5   | --concurrency must be a whole number from 1 to 64",
            "concurrency       | 0     | --concurrency must be a whole number from 1 to 64",
            "max-time          | 0     | --max-time must be a duration",
            "max-time          | 25h   | --max-time must be a duration",
            "read-timeout      | soon  | --read-timeout must be a duration",
            "max-body          | 100   | --max-body must be a size from 1KiB to 64MiB",
            "max-body          | 1GiB  | --max-body must be a size from 1KiB to 64MiB",
            "max-redirects     | 21    | --max-redirects must be a whole number from 0 to 20",
            "host-error-budget | -1    | --host-error-budget must be a whole number from 1 to 1000",
            "max-endpoints     | many  | --max-endpoints must be a whole number from 1 to 10000",
            "threshold         | 102   | --threshold must be a whole number from 0 to 101",
            "insecure          | maybe | --insecure must be true or false",
            "mode              | wild  | --mode: unknown mode 'wild' (valid: passive, safe, active)",
            "mode              | active | --mode active changes data on the target: confirm you own it with --i-own",
            "context           | bank  | --context: unknown context 'bank' (valid: default, financial",
            "fail-on           | huge  | --fail-on: unknown severity 'huge' (valid: none, info, low, medium",
            "scope             | ftp://x | --scope: 'ftp://x' is not an origin; write it as https://host[:port]",
            "tier              | huge  | --tier: unknown tier 'huge' (valid: quick, standard, deep)",
            "spec-host         | a/b   | --spec-host: 'a/b' is not a host name",
            "oob-url           | ftp://x | --oob-url: 'ftp://x' is not an origin",
    })
    void everyBadFlagGivesOneLineThatSaysWhatToTypeInstead(String key, String value, String start) {
        assertThatThrownBy(() -> resolveIn("flag", key, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(start)
                .message().doesNotContain("\n");
    }

    @Test
    void unknownYamlKeyListsTheValidKeys(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("parapet.yaml");
        Files.writeString(yaml, "rates: 5\n");
        Map<String, String> file = ConfigLoader.readFile(yaml);
        assertThatThrownBy(() -> ConfigLoader.resolve(TARGET, file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("parapet.yaml: unknown key 'rates' (valid: allow-delete, auth-basic, auth-bearer,")
                .hasMessageContaining("checks, concurrency, connect-timeout,")
                .hasMessageContaining("max-time").hasMessageContaining("threshold");
    }

    @Test
    void yamlThatIsNotAMappingSaysWhatItExpects(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("parapet.yaml");
        Files.writeString(yaml, "- rate\n- 5\n");
        assertThatThrownBy(() -> ConfigLoader.readFile(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected key: value lines");
    }

    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({"90, 90000", "90s, 90000", "2m, 120000", "500ms, 500", "1.5s, 1500", "1h, 3600000", " 3 s , 3000"})
    void parsesDurationsWithAndWithoutUnits(String text, long millis) {
        assertThat(ConfigLoader.parseDuration(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5s", "5d", "s", ""})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> ConfigLoader.parseDuration(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({"1MiB, 1048576", "512KiB, 524288", "2048, 2048", "64mb, 67108864", "4k, 4096", "1 MiB, 1048576"})
    void parsesSizes(String text, int bytes) {
        assertThat(resolveIn("flag", "max-body", text).scan().maxBodyBytes()).isEqualTo(bytes);
    }

    @Test
    void readsGateAndScanValues() {
        ConfigLoader.Resolved r = resolve(Map.of(), Map.of(), Map.of("threshold", "101", "fail-on", "none",
                "context", "Financial", "insecure", "yes", "checks", "CORS, bola"));
        assertThat(r.gate().threshold()).contains(101);
        assertThat(r.gate().failOn()).isEmpty();
        assertThat(r.scan().context()).isEqualTo(ScanContext.FINANCIAL);
        assertThat(r.scan().insecure()).isTrue();
        assertThat(r.scan().checks()).containsExactlyInAnyOrder("cors", "bola");
        assertThat(resolve(Map.of(), Map.of(), Map.of("fail-on", "Medium")).gate().failOn()).contains(Severity.MEDIUM);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not-a-url | 'not-a-url' is not an http(s) URL: give an absolute URL such as http://127.0.0.1:8080/api",
            "ftp://x   | 'ftp://x' is not an http(s) URL: give an absolute URL such as http://127.0.0.1:8080/api",
            "http://   | 'http://' has no host: give an absolute URL such as http://127.0.0.1:8080/api",
            "http://a b/ | 'http://a b/' is not a valid URL: give an absolute URL such as http://127.0.0.1:8080/api",
    })
    void refusesTargetsThatAreNotHttpUrlsWithAClearMessage(String text, String message) {
        assertThatThrownBy(() -> ConfigLoader.parseTarget(text)).isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource({"http://127.0.0.1:8080, http://127.0.0.1:8080/", "HTTPS://api.example.com/v1?x=1, https://api.example.com/v1?x=1",
            "http://127.0.0.1/a%20b, http://127.0.0.1/a%20b"})
    void normalisesValidTargets(String text, String expected) {
        assertThat(ConfigLoader.parseTarget(text)).isEqualTo(URI.create(expected));
    }

    @Test
    void specAndSeedComeFromAnyLayerWithFlagsWinning() {
        ConfigLoader.Resolved r = resolve(Map.of("spec", "openapi.yaml", "seed", "3"), Map.of(),
                Map.of("spec", "api/v2.yaml"));
        assertThat(r.scan().spec()).isEqualTo("api/v2.yaml");
        assertThat(r.scan().seed()).isEqualTo(3);
        assertThat(r.scan().withChecks(java.util.Set.of("x")).spec()).as("withers keep the spec")
                .isEqualTo("api/v2.yaml");
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), Map.of("seed", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("seed");
    }

    @Test
    void activeModeNeedsTheTargetsOwnHostAndTheNewKeysSurviveEveryWither() {
        ConfigLoader.Resolved r = resolve(Map.of("tier", "deep", "spec-host", "Specs.Example.com, cdn.test:8443"),
                Map.of(), Map.of("mode", "active", "i-own", TARGET.getHost(), "oob-url", "http://10.0.0.5:9000"));
        ScanConfig c = r.scan().withChecks(java.util.Set.of("x")).withRate(5, 2);
        assertThat(c.mode()).isEqualTo(dev.parapet.model.ScanMode.ACTIVE);
        assertThat(c.ownedHost()).isEqualTo(TARGET.getHost());
        assertThat(c.tier()).isEqualTo(dev.parapet.model.ProbeTier.DEEP);
        assertThat(c.specHosts()).containsExactly("specs.example.com", "cdn.test:8443");
        assertThat(c.oobUrl()).isEqualTo("http://10.0.0.5:9000");
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), Map.of("mode", "active", "i-own", "other.example")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--i-own " + TARGET.getHost());
    }

    private static ConfigLoader.Resolved resolve(Map<String, String> file, Map<String, String> env,
                                                 Map<String, String> flags) {
        return ConfigLoader.resolve(TARGET, file, env, flags);
    }

    private static ConfigLoader.Resolved resolveIn(String layer, String key, String value) {
        Map<String, String> one = Map.of(key, value);
        return switch (layer) {
            case "flag" -> resolve(Map.of(), Map.of(), one);
            case "env" -> resolve(Map.of(), ConfigLoader.fromEnvironment(
                    Map.of("PARAPET_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), value)), Map.of());
            default -> resolve(one, Map.of(), Map.of());
        };
    }
}
