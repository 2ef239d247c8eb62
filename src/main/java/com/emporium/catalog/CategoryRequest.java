package com.emporium.catalog;

import com.emporium.platform.validation.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Create or rename a category. {@code parent} is the parent's slug; it is fixed once created. */
@Schema(examples = """
        {"slug": "t-shirts", "name": "T-shirts", "parent": "clothing", "position": 0}""")
public record CategoryRequest(
        @NotNull @Slug String slug,
        @NotBlank @Size(max = 200) String name,
        @Slug String parent,
        @PositiveOrZero Integer position) {}
