package com.emporium.addressbook;

import com.emporium.orders.Address;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An address to save, with an optional label of the customer's choosing ("home", "office"). */
public record AddressEntry(
        @Size(max = 60) String label, @NotNull @Valid Address address) {}
