package com.emporium.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderStateTest {
    @Test
    void onlyUnpaidOrdersCanBePaidOrCancelled() {
        assertThat(OrderState.PENDING_PAYMENT.next()).containsExactlyInAnyOrder(OrderState.PAID, OrderState.CANCELLED);
        for (OrderState state : OrderState.values()) {
            if (state != OrderState.PENDING_PAYMENT) {
                assertThat(state.next()).as(state.name()).doesNotContain(OrderState.PAID, OrderState.CANCELLED);
            }
        }
        assertThat(OrderState.CANCELLED.next()).isEmpty();
        assertThat(OrderState.FULFILLED.next()).containsExactly(OrderState.SHIPPED);
    }

    @Test
    void theTestProviderIsRefusedWithoutEmbeddedServicesUnlessAllowed() {
        assertThat(PaymentStartupCheck.refusal(true, false, false)).isPresent();
        assertThat(PaymentStartupCheck.refusal(true, false, true)).isEmpty();
        assertThat(PaymentStartupCheck.refusal(true, true, false)).isEmpty();
        assertThat(PaymentStartupCheck.refusal(false, false, false)).isEmpty();
    }
}
