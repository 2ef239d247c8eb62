/**
 * Cross-cutting pieces only: the JAX-RS application, role names and money. Features depend on this
 * package, never the other way round; sub-packages hold errors, HTTP helpers, paging, health and start-up.
 */
package com.emporium.platform;
