package com.emporium.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who the client is, network-wise. X-Forwarded-For is believed only when the connection comes from a
 * configured trusted proxy, and then only up to the first hop that is not itself trusted: anything to
 * the left of that was written by the client and proves nothing.
 */
public final class ClientAddress {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    // Literal addresses only: a host name here must never trigger a DNS lookup.
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Network> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        List<Network> networks = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                networks.add(Network.parse(entry.trim()));
            }
        }
        this.trustedProxies = List.copyOf(networks);
    }

    /** The client address of the request this thread serves, or "unknown" outside a request. */
    public static String current() {
        String ip = CURRENT.get();
        return ip == null ? "unknown" : ip;
    }

    /**
     * The key an address is rate-limited under: an IPv4 address as it is, an IPv6 address by its /64.
     * One IPv6 subscriber is routinely given a whole /64 (RFC 6177), so counting full addresses would
     * hand a single client 2^64 separate budgets.
     */
    public static String limitKey(String ip) {
        Optional<byte[]> address = literal(ip);
        if (address.isEmpty()) {
            return ip;
        }
        byte[] a = address.get();
        if (a.length == 4) {
            // Canonical dotted form, so an IPv4-mapped IPv6 spelling shares the IPv4 budget.
            return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF)))
                    .append(':');
        }
        return prefix.append(":/64").toString();
    }

    static void set(String ip) {
        CURRENT.set(ip);
    }

    static void clear() {
        CURRENT.remove();
    }

    public String resolve(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            Optional<byte[]> address = literal(hop);
            if (address.isEmpty()) {
                return client; // garbage in the chain: stop at the last hop we could vouch for
            }
            client = hop;
            if (!trusted(address.get())) {
                return client;
            }
        }
        return client;
    }

    /**
     * The scheme the client used: a trusted proxy's X-Forwarded-Proto (it terminated TLS), otherwise the
     * scheme of the connection itself.
     */
    public String scheme(String peer, String connectionScheme, String forwardedProto) {
        if (forwardedProto == null || !trusted(peer)) {
            return connectionScheme;
        }
        // A chain of proxies appends; the first value is what the outermost one saw from the client.
        String first = forwardedProto.split(",")[0].trim().toLowerCase(java.util.Locale.ROOT);
        return first.equals("https") || first.equals("http") ? first : connectionScheme;
    }

    boolean trusted(String ip) {
        return literal(ip).map(this::trusted).orElse(false);
    }

    private boolean trusted(byte[] address) {
        return trustedProxies.stream().anyMatch(n -> n.contains(address));
    }

    static Optional<byte[]> literal(String text) {
        if (text == null || !LITERAL.matcher(text).matches() || !(text.contains(".") || text.contains(":"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address or CIDR block. */
    record Network(byte[] base, int prefix) {
        static Network parse(String text) {
            String[] parts = text.split("/");
            byte[] base = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR block: " + text));
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : base.length * 8;
            return new Network(base, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < base.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((address[i] & mask) != (base[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
