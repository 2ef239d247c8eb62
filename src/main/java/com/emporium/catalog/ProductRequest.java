package com.emporium.catalog;

import com.emporium.platform.validation.CurrencyCode;
import com.emporium.platform.validation.Slug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new product with its first variants and images. */
@Schema(examples = """
        {"slug": "organic-tee", "name": "Organic tee", "description": "Soft organic cotton.", "category": "t-shirts", "currency": "EUR", "status": "ACTIVE", "variants": [{"sku": "TEE-RED-M", "title": "Red, M", "price": {"amount": 2500, "currency": "EUR"}, "attributes": {"colour": "red", "size": "M"}, "weightGrams": 180, "taxClass": "standard"}], "images": [{"url": "https://cdn.shop.example/tee-red.jpg", "alt": "A red tee", "width": 1200, "height": 1200}]}""")
public record ProductRequest(
        @NotNull @Slug String slug,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 20000) String description,
        @NotNull @Slug String category,
        @NotNull @CurrencyCode String currency,
        Product.Status status,
        @Valid @Size(max = 100) List<VariantRequest> variants,
        @Valid @Size(max = 20) List<ImageRequest> images) {}
