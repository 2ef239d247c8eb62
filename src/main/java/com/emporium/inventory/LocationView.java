package com.emporium.inventory;

import com.emporium.platform.validation.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A stock location; also the request body that creates one. */
public record LocationView(
        @Slug @Size(max = 40) @NotBlank String code,
        @NotBlank @Size(max = 200) String name,
        int priority) {
    static LocationView from(StockLocation l) {
        return new LocationView(l.code(), l.name(), l.priority());
    }
}
