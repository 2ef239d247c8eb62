package com.emporium.platform.signal;

/**
 * "Something about {@code subject} changed" under a topic, e.g. topic {@code account}, subject {@code 42}.
 * {@link #RESET} means signals may have been missed (the listener reconnected): forget everything cached.
 */
public record ClusterSignal(String topic, String subject) {
    public static final ClusterSignal RESET = new ClusterSignal("*", "*");

    String encode() {
        return topic + ":" + subject;
    }

    static ClusterSignal decode(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        return colon < 0 ? RESET : new ClusterSignal(payload.substring(0, colon), payload.substring(colon + 1));
    }

    public boolean isReset() {
        return this.equals(RESET);
    }
}
