package dev.parapet.checks.authentication;

import dev.parapet.model.Confidence;
import dev.parapet.model.Exchange;
import dev.parapet.model.Finding;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.model.HttpResponseRecord;
import dev.parapet.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JwtOfflineReviewTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    private static final JwtOfflineReview REVIEW = new JwtOfflineReview(HmacWordlist.load(), SensitiveClaims.load());

    private static JwtToken token(String header, String payload, String signature) {
        String raw = b64(header) + "." + b64(payload) + "." + signature;
        Exchange seen = Exchange.answered(new HttpRequestRecord("GET", URI.create("http://api.test/session"),
                Headers.EMPTY, ""), new HttpResponseRecord(200, Headers.EMPTY, "{\"token\":\"" + raw + "\"}", 10,
                false, ""), Duration.ZERO, 0);
        return JwtToken.parse(raw, false, seen).orElseThrow();
    }

    private static List<Finding> review(JwtToken t) {
        return REVIEW.review(t, NOW).findings();
    }

    @Test
    void aTokenValidForAYearIsFarFutureButOneValidForAnHourIsNot() {
        long iat = NOW.getEpochSecond();
        assertThat(review(token("{\"alg\":\"RS256\"}", "{\"sub\":\"1\",\"iat\":" + iat + ",\"exp\":"
                + (iat + 365 * 86400) + "}", "c2ln"))).extracting(Finding::title).containsExactly("JWT valid for 365 days");
        assertThat(review(token("{\"alg\":\"RS256\"}", "{\"sub\":\"1\",\"iat\":" + iat + ",\"exp\":"
                + (iat + 3600) + "}", "c2ln"))).isEmpty();
    }

    @Test
    void aKeyUrlInTheHeaderIsTentativeAndAPasswordClaimIsHigh() {
        List<Finding> f = review(token("{\"alg\":\"RS256\",\"jku\":\"https://keys.test/jwks.json\"}",
                "{\"sub\":\"1\",\"exp\":" + (NOW.getEpochSecond() + 600) + ",\"password\":\"hunter2\"}", "c2ln"));
        assertThat(f).extracting(Finding::title).containsExactlyInAnyOrder(
                "JWT carries sensitive claims: password (password)", "JWT header names a key URL (jku)");
        assertThat(f).filteredOn(x -> x.title().contains("jku")).singleElement()
                .satisfies(x -> assertThat(x.confidence()).isEqualTo(Confidence.TENTATIVE));
        assertThat(f).filteredOn(x -> x.title().contains("password")).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void anUnsignedTokenIsCriticalOnSight() {
        assertThat(review(token("{\"alg\":\"none\"}", "{\"sub\":\"1\",\"exp\":" + (NOW.getEpochSecond() + 60)
                + "}", ""))).extracting(Finding::title).containsExactly("Unsigned JWT in use (alg: none)");
    }

    @Test
    void aStrongHmacSecretIsNotCracked() {
        String input = b64("{\"alg\":\"HS256\"}") + "." + b64("{\"sub\":\"1\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}");
        String signed = HmacWordlist.signCompact("HS256", "kq8Zt2vLw9Rx4Np7Hs3Jd6Fb1Mc5Gy0T".getBytes(StandardCharsets.UTF_8),
                input);
        assertThat(HmacWordlist.load().crack(JwtToken.parse(signed, true, null).orElseThrow())).isEmpty();
        String weak = HmacWordlist.signCompact("HS256", "changeme".getBytes(StandardCharsets.UTF_8), input);
        assertThat(HmacWordlist.load().crack(JwtToken.parse(weak, true, null).orElseThrow())).contains("changeme");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HS256 | random
            HS256 | SuperSecret
            HS256 | keyboard cat
            HS384 | your-384-bit-secret
            HS512 | shhhhh
            HS256 | my_jwt_secret
            HS512 | Flask_secret_key
            """)
    void cracksCommonSecretsWithEveryHmacHash(String alg, String secret) {
        String input = b64("{\"alg\":\"" + alg + "\"}") + "." + b64("{\"sub\":\"1\"}");
        String signed = HmacWordlist.signCompact(alg, secret.getBytes(StandardCharsets.UTF_8), input);
        assertThat(HmacWordlist.load().crack(JwtToken.parse(signed, true, null).orElseThrow())).contains(secret);
    }

    @Test
    void triesWordsHarvestedFromTheTargetWithTheUsualSuffixes() {
        String input = b64("{\"alg\":\"HS256\"}") + "." + b64("{\"sub\":\"1\",\"iss\":\"acme-clinic\"}");
        String signed = HmacWordlist.signCompact("HS256", "AcmeClinic_secret".getBytes(StandardCharsets.UTF_8), input);
        JwtToken t = JwtToken.parse(signed, true, null).orElseThrow();
        assertThat(HmacWordlist.load().crack(t)).isEmpty();
        assertThat(HmacWordlist.load().crack(t, List.of("AcmeClinic"))).contains("AcmeClinic_secret");
    }

    @Test
    void readsSensitiveClaimsNestedAtAnyDepth() {
        List<Finding> f = review(token("{\"alg\":\"RS256\"}", "{\"exp\":" + (NOW.getEpochSecond() + 600)
                + ",\"data\":{\"isAdmin\":true,\"profile\":{\"email\":\"a@b.test\"}}}", "c2ln"));
        assertThat(f).extracting(Finding::title)
                .containsExactly("JWT carries sensitive claims: data.isAdmin (role), data.profile.email (email)");
        assertThat(f.getFirst().evidence()).contains("\"profile\":{\"email\":\"a@b.****\"}");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
