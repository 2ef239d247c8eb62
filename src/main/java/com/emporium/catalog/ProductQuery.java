package com.emporium.catalog;

import com.emporium.platform.validation.Slug;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

/**
 * The list endpoint's query parameters. Numbers arrive as text and are checked here, because a JAX-RS
 * conversion failure on a query parameter would be a 404 instead of the 400 a client needs.
 */
public class ProductQuery {
    @QueryParam("q")
    @Size(max = 200)
    public String q;

    @QueryParam("category")
    @Slug
    public String category;

    @QueryParam("minPrice")
    @Pattern(regexp = "^\\d{1,15}$", message = "must be a whole number of minor units")
    public String minPrice;

    @QueryParam("maxPrice")
    @Pattern(regexp = "^\\d{1,15}$", message = "must be a whole number of minor units")
    public String maxPrice;

    @QueryParam("inStock")
    @Pattern(regexp = "^(true|false)$", message = "must be true or false")
    public String inStock;

    @QueryParam("sort")
    @Size(max = 20)
    public String sort;

    @QueryParam("limit")
    @Pattern(regexp = "^([1-9]|[1-9][0-9]|100)$", message = "must be a whole number from 1 to 100")
    public String limit;

    @QueryParam("cursor")
    @Size(max = 1000)
    public String cursor;

    @QueryParam("count")
    @Pattern(regexp = "^(true|false)$", message = "must be true or false")
    public String count;

    int pageSize() {
        return limit == null ? 24 : Integer.parseInt(limit);
    }

    boolean searching() {
        return q != null && !q.isBlank();
    }

    boolean wantsCount() {
        return "true".equals(count);
    }

    Long minPriceValue() {
        return minPrice == null ? null : Long.valueOf(minPrice);
    }

    Long maxPriceValue() {
        return maxPrice == null ? null : Long.valueOf(maxPrice);
    }
}
