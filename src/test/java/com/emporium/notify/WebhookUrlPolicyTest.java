package com.emporium.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookUrlPolicyTest {
    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, List<InetAddress>> DNS = Map.of(
            "erp.example.com", List.of(ip("93.184.216.34")),
            "split.example.com", List.of(ip("93.184.216.34"), ip("10.0.0.7")),
            "v6.example.com", List.of(ip("2606:2800:220:1:248:1893:25c8:1946")),
            "localhost", List.of(ip("127.0.0.1"), ip("::1")));

    private static WebhookUrlPolicy policy(boolean embedded) {
        return new WebhookUrlPolicy(embedded, host -> {
            List<InetAddress> found = DNS.get(host);
            if (found != null) {
                return found;
            }
            try {
                return List.of(InetAddress.getByName(host)); // literals only: no lookup for an IP text
            } catch (UnknownHostException e) {
                throw e;
            }
        });
    }

    @Test
    void productionAcceptsHttpsToPublicAddressesOnly() {
        assertThat(policy(false).check("https://erp.example.com/hooks").getHost())
                .isEqualTo("erp.example.com");
        assertThat(policy(false).check("https://v6.example.com/hooks")).isNotNull();
        for (String refused : List.of(
                "http://erp.example.com/hooks",
                "https://split.example.com/hooks",
                "https://localhost/hooks",
                "https://127.0.0.1/hooks",
                "https://10.1.2.3/",
                "https://172.16.0.1/",
                "https://192.168.1.1/",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/",
                "https://0.0.0.0/",
                "https://[::1]/",
                "https://[fd00::1]/",
                "https://[fe80::1]/",
                "https://[::ffff:10.0.0.1]/",
                "https://[64:ff9b::a00:1]/",
                "https://user:pw@erp.example.com/",
                "ftp://erp.example.com/")) {
            assertThatThrownBy(() -> policy(false).check(refused)).as(refused).isInstanceOf(WebhookUrlRefused.class);
        }
    }

    @Test
    void theDeveloperRunAlsoAllowsHttpToLoopback() {
        assertThat(policy(true).check("http://localhost:8080/hook")).isNotNull();
        assertThat(policy(true).check("http://127.0.0.1:8080/hook")).isNotNull();
        assertThatThrownBy(() -> policy(true).check("http://erp.example.com/hook"))
                .isInstanceOf(WebhookUrlRefused.class);
        assertThatThrownBy(() -> policy(true).check("http://10.0.0.1/hook")).isInstanceOf(WebhookUrlRefused.class);
    }
}
