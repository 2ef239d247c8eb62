package com.emporium.orders;

import java.util.Optional;

/**
 * Who asks for an order: the signed-in subject, a guest's order access token, and for placement the
 * guest's cart token. Staff use the admin endpoints, which do not go through this.
 */
public record OrderAccess(Optional<String> subject, Optional<String> orderToken, Optional<String> cartToken) {
    String actor() {
        return subject.map(s -> "account:" + s).orElse("guest");
    }
}
