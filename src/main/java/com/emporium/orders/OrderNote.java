package com.emporium.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Staff's internal note on an order; customers never see notes. */
@Schema(examples = """
        {"text": "Called the customer about the address."}""")
public record OrderNote(@NotBlank @Size(max = 2000) String text) {

    /** A note as staff read it back, oldest first. */
    public record View(long id, String author, String text, Instant at) {}
}
