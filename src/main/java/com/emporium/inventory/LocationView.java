package com.emporium.inventory;

/** A stock location as staff see it. */
public record LocationView(String code, String name, int priority) {
    static LocationView from(StockLocation l) {
        return new LocationView(l.code(), l.name(), l.priority());
    }
}
