package com.emporium.catalog;

import com.emporium.platform.validation.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Create or rename a category. {@code parent} is the parent's slug; it is fixed once created. */
public record CategoryRequest(
        @NotNull @Slug String slug,
        @NotBlank @Size(max = 200) String name,
        @Slug String parent,
        @PositiveOrZero Integer position) {}
