package com.emporium.addressbook;

import com.emporium.orders.Address;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An address to save, with an optional label of the customer's choosing ("home", "office"). */
@Schema(examples = """
        {"label": "Home", "address": {"name": "Ada Lovelace", "line1": "12 Example Street", "city": "Berlin", "postalCode": "10115", "country": "DE"}}""")
public record AddressEntry(
        @Size(max = 60) String label, @NotNull @Valid Address address) {}
