package com.emporium.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why staff cancel an order; recorded in its history. */
@Schema(examples = """
        {"reason": "The customer asked to cancel"}""")
public record Cancellation(@NotBlank @Size(max = 500) String reason) {}
