/**
 * Loyalty points: an append-only ledger per customer account. Paid orders earn points that become
 * available after the return window; customers redeem available points at checkout (held with the
 * order, confirmed when it is paid, released when it is cancelled); lots expire oldest first. Every
 * change to an account runs under that account's row lock, so concurrent checkouts cannot spend the
 * same points twice. docs/loyalty.md describes the rules.
 */
package com.emporium.loyalty;
