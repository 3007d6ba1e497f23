package dev.parapet.engine;

import dev.parapet.config.Credentials;
import dev.parapet.config.Identities;
import dev.parapet.model.Caller;
import dev.parapet.model.Headers;
import dev.parapet.model.HttpRequestRecord;
import dev.parapet.spi.Identity;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialStampTest {

    private static final URI TARGET = URI.create("http://api.test:8080/");
    private static final Identities TWO = new Identities(
            new Credentials(List.of(new Headers.Field("Authorization", "Bearer alice-token"))),
            new Credentials(List.of(new Headers.Field("Authorization", "Bearer bob-token"))));

    private static HttpRequestRecord get(String uri, Headers headers) {
        return new HttpRequestRecord("GET", URI.create(uri), headers, "");
    }

    @Test
    void attachesThePrimaryCredentialsToTheTargetsOrigin() {
        CredentialStamp stamp = new CredentialStamp(TARGET, TWO);
        HttpRequestRecord sent = stamp.apply(get("http://API.test:8080/users", Headers.EMPTY), Identity.PRIMARY);
        assertThat(sent.headers().first("Authorization")).contains("Bearer alice-token");
        assertThat(sent.caller()).isEqualTo(Caller.PRIMARY);
        assertThat(stamp.authenticatedRequests()).isEqualTo(1);
    }

    @Test
    void marksWhoseCredentialsARequestCarriedAndNoneWhenItAttachedNothing() {
        CredentialStamp stamp = new CredentialStamp(TARGET, TWO);
        assertThat(stamp.apply(get("http://api.test:8080/a", Headers.EMPTY), Identity.SECONDARY).caller())
                .isEqualTo(Caller.SECONDARY);
        assertThat(stamp.apply(get("http://api.test:8080/a", Headers.of("Authorization", "Bearer forged")),
                Identity.ANONYMOUS).caller()).isEqualTo(Caller.ANONYMOUS);
        assertThat(stamp.apply(get("http://evil.test:8080/", Headers.EMPTY), Identity.PRIMARY).caller())
                .isEqualTo(Caller.ANONYMOUS);
        assertThat(new CredentialStamp(TARGET, Identities.NONE).apply(get("http://api.test:8080/a", Headers.EMPTY),
                Identity.PRIMARY).caller()).isEqualTo(Caller.ANONYMOUS);
    }

    @Test
    void neverSendsCredentialsToAnotherOrigin() {
        CredentialStamp stamp = new CredentialStamp(TARGET, TWO);
        for (String other : List.of("http://api.test:8081/", "https://api.test:8080/", "http://evil.test:8080/")) {
            assertThat(stamp.apply(get(other, Headers.EMPTY), Identity.PRIMARY).headers().has("Authorization"))
                    .as(other).isFalse();
        }
        assertThat(stamp.authenticatedRequests()).isZero();
    }

    @Test
    void secondIdentityReplacesAHeaderOfTheSameNameAndKeepsOthers() {
        CredentialStamp stamp = new CredentialStamp(TARGET, TWO);
        HttpRequestRecord sent = stamp.apply(get("http://api.test:8080/orders/1",
                Headers.of("authorization", "Bearer forged", "Accept", "application/json")), Identity.SECONDARY);
        assertThat(sent.headers().all("Authorization")).containsExactly("Bearer bob-token");
        assertThat(sent.headers().first("Accept")).contains("application/json");
    }

    @Test
    void anonymousProbesKeepOnlyWhatTheCheckSet() {
        CredentialStamp stamp = new CredentialStamp(TARGET, TWO);
        HttpRequestRecord sent = stamp.apply(get("http://api.test:8080/orders/1",
                Headers.of("Authorization", "Bearer forged")), Identity.ANONYMOUS);
        assertThat(sent.headers().all("Authorization")).containsExactly("Bearer forged");
        assertThat(stamp.has(Identity.ANONYMOUS)).isTrue();
        assertThat(new CredentialStamp(TARGET, Identities.NONE).has(Identity.PRIMARY)).isFalse();
    }
}
