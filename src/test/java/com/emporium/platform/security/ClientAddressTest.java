package com.emporium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed only as far as the chain of trusted proxies reaches. */
class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.7"));

    @Test
    void anUntrustedPeerIsTheClientWhateverItClaims() {
        assertThat(behindProxies.resolve("203.0.113.9", "1.2.3.4")).isEqualTo("203.0.113.9");
        assertThat(new ClientAddress(List.of()).resolve("10.1.1.1", "1.2.3.4")).isEqualTo("10.1.1.1");
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(behindProxies.resolve("10.1.2.3", "198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(behindProxies.resolve("192.168.1.7", " 198.51.100.4 ")).isEqualTo("198.51.100.4");
    }

    @Test
    void hopsLeftOfTheFirstUntrustedOneAreIgnored() {
        assertThat(behindProxies.resolve("10.1.2.3", "6.6.6.6, 198.51.100.4, 10.9.9.9"))
                .isEqualTo("198.51.100.4");
    }

    @Test
    void garbageStopsTheWalkAtTheLastAddressVouchedFor() {
        assertThat(behindProxies.resolve("10.1.2.3", "evil.example.com")).isEqualTo("10.1.2.3");
        assertThat(behindProxies.resolve("10.1.2.3", "1.2.3.4, not-an-ip")).isEqualTo("10.1.2.3");
    }

    @Test
    void cidrBlocksMatchByPrefix() {
        assertThat(behindProxies.resolve("11.0.0.1", "1.2.3.4")).isEqualTo("11.0.0.1");
        assertThat(new ClientAddress(List.of("::1")).resolve("0:0:0:0:0:0:0:1", "1.2.3.4"))
                .isEqualTo("1.2.3.4");
    }

    @Test
    void ipv6AddressesAreLimitedPerSlash64() {
        assertThat(ClientAddress.limitKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.limitKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.limitKey("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
    }

    @Test
    void ipv4AddressesAreLimitedOneByOneWhateverTheirSpelling() {
        assertThat(ClientAddress.limitKey("198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(ClientAddress.limitKey("::ffff:198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(ClientAddress.limitKey("unknown")).isEqualTo("unknown");
    }

    @Test
    void onlyATrustedProxySaysWhichSchemeTheClientUsed() {
        assertThat(behindProxies.scheme("10.1.2.3", "http", "https")).isEqualTo("https");
        assertThat(behindProxies.scheme("10.1.2.3", "http", "https, http")).isEqualTo("https");
        assertThat(behindProxies.scheme("203.0.113.9", "http", "https")).isEqualTo("http");
        assertThat(behindProxies.scheme("10.1.2.3", "http", "gopher")).isEqualTo("http");
        assertThat(behindProxies.scheme("10.1.2.3", "https", null)).isEqualTo("https");
    }
}
