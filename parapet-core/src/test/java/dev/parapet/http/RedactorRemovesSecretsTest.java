package dev.parapet.http;

import dev.parapet.model.Category;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorRemovesSecretsTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSIsInJvbGUiOiJhZG1pbiJ9.c2lnbmF0dXJlLXNlY3JldA";
    private static final String GITHUB = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private static final String GOOGLE = "AIza" + "SyA-1234567890abcdefghijklmnopqrstu";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Authorization | Bearer abc.def.ghi       | Bearer [redacted]",
            "Authorization | Basic dXNlcjpwYXNzd29yZA== | Basic [redacted]",
            "authorization | s3cr3t-token-without-scheme | [redacted]",
            "Cookie        | session=abc123; theme=dark | [redacted]",
            "X-API-Key     | k-1234567890              | [redacted]",
            "Proxy-Authorization | Basic Zm9vOmJhcg==  | Basic [redacted]",
            "Content-Type  | application/json          | application/json",
    })
    void masksCredentialHeadersAndLeavesOthersAlone(String name, String value, String expected) {
        Headers out = Redactor.headers(Headers.of(name, value));
        assertThat(out.first(name)).contains(expected);
    }

    @Test
    void masksSetCookieValuesButKeepsTheFlagsAReaderNeeds() {
        Headers out = Redactor.headers(Headers.of("Set-Cookie", "sid=s3cr3t-v4lue; Path=/; HttpOnly; Secure",
                "Set-Cookie", "theme=dark"));
        assertThat(out.all("Set-Cookie")).containsExactly("sid=[redacted]; Path=/; HttpOnly; Secure",
                "theme=[redacted]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "JWT keeps only its header      | token " + JWT + " end | eyJhbGciOiJIUzI1NiJ9[redacted] | c2lnbmF0dXJl",
            "AWS access key id              | key AKIAIOSFODNN7EXAMPLE here | AKIA[redacted] | IOSFODNN7EXAMPLE",
            "Stripe live key                | sk_live_4eC39HqLyjWDarjtT1zdp7dc | sk_live_[redacted] | 4eC39HqLyjWDarjtT1zdp7dc",
            "Stripe test key                | rk_test_4eC39HqLyjWDarjtT1zdp7dc | rk_test_[redacted] | 4eC39HqLyjWDarjtT1zdp7dc",
            "GitHub token                   | " + GITHUB + " | ghp_[redacted] | a1B2c3D4e5F6",
            "GitHub fine-grained token      | github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv | github_pat_[redacted] | 11ABCDEFG",
            "Slack token                    | xoxb-123456789012-abcdefghijkl | xoxb-[redacted] | 123456789012",
            "Google API key                 | " + GOOGLE + " | AIza[redacted] | SyA-1234567890",
            "PostgreSQL URL password        | postgres://app:hunter2@db:5432/prod | postgres://app:[redacted]@db:5432/prod | hunter2",
            "MongoDB SRV URL password       | mongodb+srv://root:p4ssw0rd@cluster0.example | mongodb+srv://root:[redacted]@cluster0 | p4ssw0rd",
            "JSON password field            | {\"user\":\"a\",\"password\":\"hunter2\"} | \"password\":\"[redacted]\" | hunter2",
            "JSON token field               | {\"access_token\": \"tok-998877\"} | \"access_token\": \"[redacted]\" | tok-998877",
            "JSON api key field             | {\"apiKey\":\"k-554433\"} | \"apiKey\":\"[redacted]\" | k-554433",
            "JSON password with a quote     | {\"password\":\"a\\\"b-tail\",\"x\":1} | \"password\":\"[redacted]\",\"x\":1 | b-tail",
            "env-style secret               | DB_PASSWORD=hunter2 | DB_PASSWORD=[redacted] | hunter2",
            "form-style token               | user=a&token=tok-1&x=1 | token=[redacted]&x=1 | tok-1",
    })
    void masksSecretsInText(String kind, String input, String expectedFragment, String secret) {
        String out = Redactor.text(input);
        assertThat(out).as(kind).contains(expectedFragment).doesNotContain(secret);
    }

    @Test
    void masksPrivateKeyBlocksButKeepsTheirMarkers() {
        String pem = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretbits\nmoresecret==\n"
                + "-----END RSA PRIVATE KEY-----\nafter";
        String out = Redactor.text(pem);
        assertThat(out).contains("-----BEGIN RSA PRIVATE KEY-----[redacted]-----END RSA PRIVATE KEY-----")
                .doesNotContain("secretbits").doesNotContain("moresecret").endsWith("after");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "{\"id\":42,\"name\":\"Widget\",\"tags\":[\"a\",\"b\"]}";
        assertThat(Redactor.text(text)).isEqualTo(text);
    }

    @Test
    void masksQueryStringTokensAndKeepsAValidUri() {
        URI in = URI.create("http://127.0.0.1:8080/cb?access_token=abc123&page=2&api_key=zz9");
        URI out = Redactor.uri(in);
        assertThat(out.toString()).doesNotContain("abc123").doesNotContain("zz9").contains("page=2");
        assertThat(out.getHost()).isEqualTo("127.0.0.1");
        assertThat(out.getPort()).isEqualTo(8080);
        assertThat(out.getRawQuery()).contains("access_token=REDACTED");
    }

    @Test
    void masksPasswordsInUrlUserInfo() {
        URI out = Redactor.uri(URI.create("http://admin:hunter2@127.0.0.1:8080/"));
        assertThat(out.toString()).doesNotContain("hunter2");
        assertThat(out.getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void aFindingsCurlCommandEvidenceAndExchangesCarryNoSecret() {
        HttpRequestRecord request = new HttpRequestRecord("GET",
                URI.create("http://127.0.0.1:8080/users?token=tok-secret-1"),
                Headers.of("Authorization", "Bearer bearer-secret-2", "Cookie", "sid=cookie-secret-3",
                        "X-API-Key", "apikey-secret-4"), "");
        HttpResponseRecord response = new HttpResponseRecord(200, Headers.of("Set-Cookie",
                "sid=cookie-secret-5; HttpOnly"), "{\"password\":\"body-secret-6\",\"aws\":\"AKIAIOSFODNN7EXAMPLE\"}",
                80, false, "");
        Exchange exchange = Exchange.answered(request, response, Duration.ZERO, 0);
        Finding raw = Finding.builder("data-exposure-test", Category.DATA_EXPOSURE).title("leak")
                .evidence("password\":\"body-secret-6").exchange(exchange).build();
        assertThat(raw.curl()).contains("bearer-secret-2"); // the builder alone does not redact: the engine does

        Finding f = Redactor.finding(raw);
        String everything = f.curl() + f.evidence() + f.exchanges();
        for (String secret : new String[]{"tok-secret-1", "bearer-secret-2", "cookie-secret-3", "apikey-secret-4",
                "cookie-secret-5", "body-secret-6", "IOSFODNN7EXAMPLE"}) {
            assertThat(everything).doesNotContain(secret);
        }
        assertThat(f.curl()).startsWith("curl ").contains("Authorization: Bearer [redacted]")
                .contains("'http://127.0.0.1:8080/users?token=REDACTED'");
        assertThat(f.fingerprint()).isEqualTo(raw.fingerprint());
    }

    @Test
    void masksCredentialHeadersQuotedInFreeTextButKeepsSetCookieFlags() {
        String evidence = "sent Authorization: Bearer free-secret-7 and Cookie: sid=free-secret-8; "
                + "got Set-Cookie: sid=abc****; HttpOnly";
        String masked = Redactor.text(evidence);
        assertThat(masked).doesNotContain("free-secret-7").doesNotContain("free-secret-8")
                .contains("Authorization: Bearer [redacted]").contains("Set-Cookie: sid=abc****; HttpOnly");
    }

    @Test
    void masksSecretsInTheFindingsEndpointUrl() {
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:8080/export?api_key=url-secret-9&page=2");
        Finding raw = Finding.builder("data-exposure-test", Category.DATA_EXPOSURE).title("leak")
                .endpoint(new dev.parapet.model.Endpoint("GET", uri, dev.parapet.model.Endpoint.Source.DISCOVERED))
                .evidence("x").build();
        Finding f = Redactor.finding(raw);
        assertThat(f.endpoint().uri().toString()).doesNotContain("url-secret-9").contains("page=2");
        assertThat(f.fingerprint()).isEqualTo(raw.fingerprint());
    }

    @Test
    void masksARegisteredSecretInEveryFormATargetMayEchoIt() {
        String secret = "Reg1stered/Pass+word\"q";
        Redactor.registerSecret(secret);
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        byte[] bytes = secret.getBytes(utf8);
        String[] forms = {secret, java.net.URLEncoder.encode(secret, utf8),
                java.net.URLEncoder.encode(secret, utf8).replace("+", "%20"),
                java.util.Base64.getEncoder().encodeToString(bytes),
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                "Reg1stered\\/Pass+word\\\"q", java.util.HexFormat.of().formatHex(bytes)};
        for (String form : forms) {
            assertThat(Redactor.text("echo <" + form + "> end")).as(form).isEqualTo("echo <[redacted]> end");
        }
    }

    @Test
    void masksTheBase64OfABasicUserAndPasswordAndOverlappingSecretsWhole() {
        Redactor.registerSecret("dave:Overl4pping-pw");
        Redactor.registerSecret("Overl4pping-pw-and-more");
        String basic = java.util.Base64.getEncoder().encodeToString("dave:Overl4pping-pw".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Redactor.text("got " + basic + " back")).isEqualTo("got [redacted] back");
        assertThat(Redactor.text("x dave:Overl4pping-pw-and-more y")).isEqualTo("x [redacted] y");
    }

    @Test
    void keepsEachShapesPrefixWhenSecretsSitSideBySide() {
        String text = "Authorization: token tok-side-1, x-api-key: k=side-2 "
                + "https://u:side-3@h/ api-key=side-4 \"session_id\": \"side-5\"";
        String out = Redactor.text(text);
        for (String secret : new String[]{"tok-side-1", "side-2", "side-3", "side-4", "side-5"}) {
            assertThat(out).doesNotContain(secret);
        }
        assertThat(out).contains("Authorization: token [redacted]").contains("https://u:[redacted]@h/")
                .contains("api-key=[redacted]").contains("\"session_id\": \"[redacted]\"");
    }
}
