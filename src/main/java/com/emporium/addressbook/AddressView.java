package com.emporium.addressbook;

import com.emporium.orders.Address;
import java.time.Instant;

public record AddressView(long id, String label, Address address, Instant updatedAt) {}
