/**
 * Rate limits shared by every replica through Redis: fixed windows counted by one atomic Lua script.
 * When Redis cannot be reached, the general limits fall back to counters in this process (logged once
 * per outage) while the login, registration and password limits fail closed, since per-replica
 * counters would multiply the guesses an attacker gets by the number of replicas. The general limit is
 * a servlet filter; the credential limit is bound by annotation to the resource methods it protects, so
 * it follows the method a request reaches rather than the spelling of its URI. IPv6 clients count per
 * /64.
 */
package com.emporium.platform.security.ratelimit;
