package com.emporium.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why staff cancel an order; recorded in its history. */
public record Cancellation(@NotBlank @Size(max = 500) String reason) {}
