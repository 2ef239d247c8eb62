package com.emporium.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    /** The example of the Standard Webhooks reference libraries' tests. */
    @Test
    void signsLikeTheStandardWebhooksReferenceExample() {
        assertThat(WebhookSignature.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void newSecretsAreDistinctAndPrefixed() {
        String a = WebhookSignature.newSecret();
        assertThat(a).startsWith("whsec_").hasSize("whsec_".length() + 44);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(a);
    }
}
