package com.emporium.catalog;

import com.emporium.platform.validation.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The editable description of a product; variants are edited one by one. */
@Schema(examples = """
        {"name": "Organic tee", "description": "Soft organic cotton.", "category": "t-shirts", "status": "ACTIVE"}""")
public record ProductUpdate(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 20000) String description,
        @NotNull @Slug String category,
        @NotNull Product.Status status) {}
