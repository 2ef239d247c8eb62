/**
 * The catalog: a category tree, products and their variants (the sellable SKUs), browsed publicly and
 * edited by staff. Public reads are cacheable (content-hash ETags) and the list uses keyset pagination
 * over PostgreSQL full-text and trigram search; staff writes are versioned and need If-Match.
 * Anonymous reads go through a response cache (memory, then Redis) whose keys carry the catalog
 * generation and the last stock event, so a change never has to find the entries it ends.
 */
package com.emporium.catalog;
