package com.emporium.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.emporium.platform.problem.InvalidRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {
    @Test
    void roundTripsKeysWithAnyCharacters() {
        Cursor cursor = new Cursor("name", List.of("Café \"Noir\"\n, 50%", "42"));
        Cursor decoded = Cursor.decode(cursor.encode(), 2, "name");
        assertThat(decoded).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        String token = new Cursor("price", List.of("100", "7")).encode();
        assertThatThrownBy(() -> Cursor.decode(token, 2, "name"))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("sort");
    }

    @Test
    void garbageIsRefusedAsInvalidRequest() {
        String notJson = Base64.getUrlEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        String wrongShape = Base64.getUrlEncoder().encodeToString("[\"name\", 1, 2]".getBytes(StandardCharsets.UTF_8));
        for (String token : List.of("%%%", notJson, wrongShape, new Cursor("name", List.of("a")).encode())) {
            assertThatThrownBy(() -> Cursor.decode(token, 2, "name")).isInstanceOf(InvalidRequest.class);
        }
    }
}
