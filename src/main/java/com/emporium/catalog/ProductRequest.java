package com.emporium.catalog;

import com.emporium.platform.validation.CurrencyCode;
import com.emporium.platform.validation.Slug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new product with its first variants and images. */
public record ProductRequest(
        @NotNull @Slug String slug,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 20000) String description,
        @NotNull @Slug String category,
        @NotNull @CurrencyCode String currency,
        Product.Status status,
        @Valid @Size(max = 100) List<VariantRequest> variants,
        @Valid @Size(max = 20) List<ImageRequest> images) {}
