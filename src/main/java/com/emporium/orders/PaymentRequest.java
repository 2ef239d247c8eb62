package com.emporium.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Pays an order with a provider; {@code instruction} is provider input ("decline" makes the test provider refuse). */
@Schema(examples = """
        {"provider": "stripe"}""")
public record PaymentRequest(
        @NotBlank @Size(max = 40) String provider,
        @Size(max = 200) String instruction) {}
