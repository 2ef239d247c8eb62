/**
 * The reference storefront: static HTML, CSS and ES modules kept under {@code WEB-INF/storefront} (so
 * the container's default servlet never serves them) and answered by {@link StorefrontServlet} at
 * {@code /} with caching headers and a page policy of their own. It calls only the public JSON API, as
 * any separate frontend would; on by default in the embedded developer run, off otherwise.
 */
package com.emporium.storefront;
