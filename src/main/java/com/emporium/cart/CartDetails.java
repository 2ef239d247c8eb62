package com.emporium.cart;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the cart will ship (for tax and shipping options) and a coupon code; absent fields stay as
 * they are, an empty coupon removes it.
 */
@Schema(examples = """
        {"country": "DE", "region": "BE", "coupon": "WELCOME10"}""")
public record CartDetails(
        @Pattern(regexp = "[A-Z]{2}") String country,
        @Pattern(regexp = "[A-Z0-9]{0,8}") String region,
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]*") String coupon) {}
