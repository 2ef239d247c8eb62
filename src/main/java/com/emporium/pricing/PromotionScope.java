package com.emporium.pricing;

/**
 * Which lines of a cart a promotion reduces: all of them, those in the named categories (a category
 * includes its whole subtree), or those with the named SKUs.
 */
public enum PromotionScope {
    CART,
    CATEGORIES,
    SKUS
}
