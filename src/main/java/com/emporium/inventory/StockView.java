package com.emporium.inventory;

import java.util.List;

/** A SKU's stock in total and per location, as staff see it. */
public record StockView(String sku, int onHand, int reserved, int available, List<LocationLevel> locations) {
    public record LocationLevel(String location, int onHand, int reserved, int available) {}

    static StockView of(String sku, List<StockRepository.Level> levels) {
        List<LocationLevel> locations = levels.stream()
                .map(l -> new LocationLevel(l.location(), l.onHand(), l.reserved(), l.onHand() - l.reserved()))
                .toList();
        int onHand = locations.stream().mapToInt(LocationLevel::onHand).sum();
        int reserved = locations.stream().mapToInt(LocationLevel::reserved).sum();
        return new StockView(sku, onHand, reserved, onHand - reserved, locations);
    }
}
