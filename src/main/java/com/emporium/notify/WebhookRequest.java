package com.emporium.notify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An endpoint to create or replace. {@code enabled} defaults to true; sending true for a disabled
 * endpoint enables it again and clears its failure streak.
 */
@Schema(examples = """
        {"url": "https://erp.shop.example/hooks/emporium", "eventTypes": ["order.placed", "order.cancelled"], "description": "ERP order import", "enabled": true}""")
public record WebhookRequest(
        @NotBlank @Size(max = 2000) String url,
        @NotNull @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z]+\\.[a-z_.-]+") String> eventTypes,
        @Size(max = 200) String description,
        Boolean enabled) {}
