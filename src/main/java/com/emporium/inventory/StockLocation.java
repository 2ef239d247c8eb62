package com.emporium.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A warehouse or store that holds stock. Lower priority numbers are allocated first. */
@Entity
@Table(name = "stock_location")
public class StockLocation {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    private int priority;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StockLocation() {}

    StockLocation(String code, String name, int priority) {
        this.code = code;
        this.name = name;
        this.priority = priority;
        this.createdAt = Instant.now();
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public int priority() {
        return priority;
    }
}
