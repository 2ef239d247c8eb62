package com.emporium.inventory.live;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The data of a {@code reset} event: why the history is gone and where the stream goes on from. */
@JsonbPropertyOrder({"reason", "lastEventId", "at"})
public record StreamReset(String reason, long lastEventId, String at) {}
