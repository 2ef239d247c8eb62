package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The stream's events byte for byte as clients (the storefront's script among them) have always read
 * them: the same properties in the same order, the retry field, and instants as Instant.toString writes
 * them.
 */
class StockEventFormatIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aStockEventKeepsItsPropertiesOrderAndSpelling() throws Exception {
        InventoryFixture.Item item = InventoryFixture.product(1);
        try (SseClient client = SseClient.connect(Api.BASE_URL, "?sku=" + item.sku(), null)) {
            assertThat(client.awaitSubscribed(WAIT)).isTrue();
            InventoryFixture.receive(item.sku(), 12);
            SseClient.Event event = client.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.name()).isEqualTo("stock");
            Matcher data = Pattern.compile("\\{\"id\":(\\d+),\"sku\":\"" + Pattern.quote(item.sku())
                            + "\",\"productId\":" + item.productId()
                            + ",\"availability\":\"IN_STOCK\"(,\"available\":12)?,\"at\":\"([^\"]+)\"}")
                    .matcher(event.data());
            assertThat(data.matches()).as(event.data()).isTrue();
            assertThat(data.group(1)).isEqualTo(event.id());
            assertThat(Instant.parse(data.group(3)).toString()).isEqualTo(data.group(3));
            assertThat(client.retry()).isEqualTo("3000");
        }
    }

    @Test
    void aResetEventKeepsItsPropertiesOrderAndSpelling() throws Exception {
        try (SseClient client = SseClient.connect(Api.BASE_URL, "", Long.toString(Long.MAX_VALUE))) {
            SseClient.Event reset = client.next(WAIT);
            assertThat(reset).isNotNull();
            assertThat(reset.name()).isEqualTo("reset");
            Matcher data = Pattern.compile(
                            "\\{\"reason\":\"unknown-event-id\",\"lastEventId\":(\\d+),\"at\":\"([^\"]+)\"}")
                    .matcher(reset.data());
            assertThat(data.matches()).as(reset.data()).isTrue();
            assertThat(data.group(1)).isEqualTo(reset.id());
            assertThat(Instant.parse(data.group(2)).toString()).isEqualTo(data.group(2));
        }
    }
}
