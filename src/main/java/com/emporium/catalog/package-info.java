/**
 * The catalog: a category tree, products and their variants (the sellable SKUs), browsed publicly and
 * edited by staff. Public reads are cacheable (content-hash ETags) and the list uses keyset pagination
 * over PostgreSQL full-text and trigram search; staff writes are versioned and need If-Match.
 */
package com.emporium.catalog;
