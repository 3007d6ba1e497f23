package dev.parapet.engine;

import dev.parapet.config.ConfigException;
import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.spi.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthCommandTest {

    private static final URI TARGET = URI.create("http://api.test:8080/");

    @Test
    void aBareTokenOnStdoutBecomesABearerHeader() throws InterruptedException {
        assertThat(new AuthCommand("printf '  tok-from-cmd-1\\n'", "--auth-command").run())
                .isEqualTo(new Headers.Field("Authorization", "Bearer tok-from-cmd-1"));
    }

    @Test
    void aHeaderLineIsUsedAsGivenWhenItsNameIsAllowed() throws InterruptedException {
        assertThat(new AuthCommand("echo 'X-API-Key: key-from-cmd'", "--auth-command").run())
                .isEqualTo(new Headers.Field("X-API-Key", "key-from-cmd"));
        assertThatThrownBy(() -> new AuthCommand("echo 'Host: other.test'", "--auth-command").run())
                .isInstanceOf(ConfigException.class).hasMessageContaining("'Host' may not carry credentials");
    }

    @Test
    void aFailingSilentOrStuckCommandIsAConfigurationErrorThatShowsNoOutput() {
        assertThatThrownBy(() -> new AuthCommand("echo secret-ish >&2; exit 3", "--auth-command").run())
                .isInstanceOf(ConfigException.class).hasMessage("--auth-command exited with status 3; run it yourself to see why");
        assertThatThrownBy(() -> new AuthCommand("true", "--auth2-command").run())
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("--auth2-command printed nothing");
        assertThatThrownBy(() -> new AuthCommand("sleep 20", "--auth-command", Duration.ofMillis(300)).run())
                .isInstanceOf(ConfigException.class).hasMessageContaining("did not finish");
    }

    @Test
    void refreshesOnceAfterTheFirst401AndTellsTheCallerToResend(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path counter = dir.resolve("n");
        Files.writeString(counter, "");
        // each run appends a line and prints a token numbered by the runs so far
        String cmd = "echo x >> '" + counter + "'; echo tok-$(wc -l < '" + counter + "' | tr -d ' ')";
        CredentialStamp stamp = new CredentialStamp(TARGET,
                new Identities(new Credentials(List.of(), cmd), Credentials.NONE));
        stamp.resolveCommands();
        HttpRequestRecord first = stamp.apply(get(), Identity.PRIMARY);
        assertThat(first.headers().first("Authorization")).contains("Bearer tok-1");
        assertThat(stamp.refreshAfter401(first, Identity.PRIMARY)).isTrue();
        HttpRequestRecord second = stamp.apply(get(), Identity.PRIMARY);
        assertThat(second.headers().first("Authorization")).contains("Bearer tok-2");
        assertThat(stamp.refreshAfter401(second, Identity.PRIMARY)).isFalse();
        assertThat(Files.readAllLines(counter)).hasSize(2);
    }

    private static HttpRequestRecord get() {
        return new HttpRequestRecord("GET", TARGET.resolve("/me"), Headers.EMPTY, "");
    }
}
