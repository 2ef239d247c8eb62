package com.emporium.catalog;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Metadata of an image already uploaded to media storage. */
public record ImageRequest(
        @NotNull @Size(max = 1000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        String url,

        @Size(max = 300) String alt,
        @Positive Integer width,
        @Positive Integer height) {}
