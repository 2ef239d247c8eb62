/**
 * Notifications: the outbox relay delivers every committed outbox row at least once, on any replica
 * ({@code FOR UPDATE SKIP LOCKED}, woken by the outbox trigger's NOTIFY, polling as a fallback), as
 * emails to customers (Jakarta Mail, Mustache templates a shop can override) and as signed webhooks to
 * integrators' endpoints (Standard Webhooks). A row is marked delivered only after it was sent, so a crash
 * repeats a message and never loses one. See docs/notifications.md.
 */
package com.emporium.notify;
