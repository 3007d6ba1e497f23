package dev.parapet.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void signsTheStandardWebhooksReferenceMessageAsTheSpecificationDoes() {
        // the example from the Standard Webhooks specification's reference libraries
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aNewSecretIsThirtyTwoRandomBytesAndWellFormed() {
        String a = WebhookSignature.newSecret();
        assertThat(a).startsWith("whsec_").hasSize(6 + 44).isNotEqualTo(WebhookSignature.newSecret());
        assertThat(WebhookSignature.wellFormed(a)).isTrue();
        assertThat(WebhookSignature.wellFormed("whsec_short")).isFalse();
        assertThat(WebhookSignature.wellFormed("secret")).isFalse();
    }
}
