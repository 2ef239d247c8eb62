package com.emporium.addressbook;

import com.emporium.orders.Address;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One address in a customer's book; only its owner reads or changes it. */
@Entity
@Table(name = "customer_address")
public class SavedAddress {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String owner;

    private String label;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String line1;

    private String line2;

    @Column(nullable = false)
    private String city;

    @Column(name = "postal_code", nullable = false)
    private String postalCode;

    @Column(nullable = false)
    private String country;

    @Column(nullable = false)
    private String region;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SavedAddress() {}

    SavedAddress(String owner, AddressEntry entry, Instant now) {
        this.owner = owner;
        this.createdAt = now;
        replace(entry, now);
    }

    void replace(AddressEntry entry, Instant now) {
        Address a = entry.address();
        this.label = entry.label();
        this.name = a.name();
        this.line1 = a.line1();
        this.line2 = a.line2();
        this.city = a.city();
        this.postalCode = a.postalCode();
        this.country = a.country();
        this.region = a.region() == null ? "" : a.region();
        this.updatedAt = now;
    }

    boolean ownedBy(String account) {
        return owner.equals(account);
    }

    AddressView view() {
        return new AddressView(
                id,
                label,
                new Address(name, line1, line2, city, postalCode, country, region.isEmpty() ? null : region),
                updatedAt);
    }
}
