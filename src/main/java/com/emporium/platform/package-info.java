/**
 * Cross-cutting pieces only: the JAX-RS application, role names and money. Features depend on this
 * package, never the other way round; sub-packages hold errors, HTTP helpers, paging, health, start-up
 * and the security events the edge raises for the audit trail.
 */
package com.emporium.platform;
