package dev.parapet.checks.encryption;

import dev.parapet.checks.support.CheckData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every data file of the encryption checks loads and its regexes compile. */
class EncryptionDataFilesTest {

    @Test
    void sessionCookiePatternsLoad() {
        CookieFlagsCheck.SessionCookies data = CheckData.load("cookie-flags", "session-cookies.json",
                CookieFlagsCheck.SessionCookies.class);
        assertThat(data.names()).isNotEmpty();
        assertThat(data.values()).isNotEmpty();
    }
}
