/**
 * Live stock over server-sent events. A deferred trigger writes each committed change to
 * {@code inventory_event} and notifies its id; one listener per replica follows the notifications,
 * catches up from the table after any disconnect, and fans events out to SSE subscribers, who can
 * resume with Last-Event-ID from the same table.
 */
package com.emporium.inventory.live;
