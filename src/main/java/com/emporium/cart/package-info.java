/**
 * Carts: what a guest (addressed by an unguessable token) or a customer intends to buy. A cart stores
 * SKUs and quantities only; names, prices, tax, shipping options and availability are read from the
 * catalog, pricing and inventory on every request, so a cart can never carry a stale or client-made
 * price. Writes are versioned (If-Match) and idle carts are swept on every replica with SKIP LOCKED.
 */
package com.emporium.cart;
