package com.emporium.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs webhooks may be sent to. In production only {@code https} to hosts whose every address is
 * public, so the feature cannot be aimed at the cluster's own services, the cloud metadata endpoint or
 * the office network; the developer run also allows {@code http} to loopback, for a local receiver.
 */
public final class WebhookUrlPolicy {
    private final boolean allowLoopbackHttp;
    private final Resolver resolver;

    /** Name resolution, replaceable in unit tests. */
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public WebhookUrlPolicy(boolean allowLoopbackHttp, Resolver resolver) {
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.resolver = resolver;
    }

    /** {@code allowLoopbackHttp}: emporium.webhooks.allow-loopback-http, by default the embedded mode. */
    public static WebhookUrlPolicy of(boolean allowLoopbackHttp) {
        return new WebhookUrlPolicy(allowLoopbackHttp, host -> List.of(InetAddress.getAllByName(host)));
    }

    /** Throws {@link WebhookUrlRefused} naming the reason. */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new WebhookUrlRefused("The URL is not valid.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new WebhookUrlRefused("The URL needs a host and no user information or fragment.");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new WebhookUrlRefused("The host " + host + " does not resolve.");
        }
        if (addresses.isEmpty()) {
            throw new WebhookUrlRefused("The host " + host + " does not resolve.");
        }
        boolean allLoopback = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        if (allowLoopbackHttp && allLoopback && (scheme.equals("http") || scheme.equals("https"))) {
            return uri;
        }
        if (!scheme.equals("https")) {
            throw new WebhookUrlRefused("Webhook URLs must use https.");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new WebhookUrlRefused(
                        "The host " + host + " resolves to a private, local or reserved address; webhooks only go"
                                + " to public addresses.");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 // "this network"
                    || first >= 240 // reserved and broadcast
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, RFC 6598
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 2) // TEST-NET-1
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking, RFC 2544
                    || (first == 198 && second == 51 && (b[2] & 0xff) == 100) // TEST-NET-2
                    || (first == 203 && second == 0 && (b[2] & 0xff) == 113)); // TEST-NET-3
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc; // fc00::/7, RFC 4193
            boolean documentation =
                    first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
            boolean mapped = isMappedOrCompatible(b);
            if (mapped) {
                try {
                    byte[] v4 = {b[12], b[13], b[14], b[15]};
                    return isPublic(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !(uniqueLocal || documentation);
        }
        return false;
    }

    /** ::ffff:a.b.c.d and the NAT64 well-known prefix 64:ff9b::/96 carry an IPv4 address to check. */
    private static boolean isMappedOrCompatible(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean v4Mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean nat64 =
                (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        return v4Mapped || nat64;
    }
}
