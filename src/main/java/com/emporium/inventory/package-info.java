/**
 * Stock per SKU and location, its movement ledger, and reservations that hold units for a checkout.
 * Every decrement is one conditional UPDATE per stock row, taken in SKU order, so the database refuses
 * oversells and concurrent carts cannot deadlock. Other features see stock only through
 * {@link com.emporium.inventory.StockAvailability} (and the {@code available_stock} SQL view).
 */
package com.emporium.inventory;
