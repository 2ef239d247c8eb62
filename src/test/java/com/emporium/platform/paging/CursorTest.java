package com.emporium.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.emporium.platform.problem.InvalidRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {
    private static final byte[] SECRET = "test-secret".getBytes(StandardCharsets.UTF_8);
    private static final String SCOPE = "q=shirt";

    @Test
    void roundTripsKeysWithAnyCharacters() {
        Cursor cursor = new Cursor("name", List.of("Café \"Noir\"\n, 50%", "42"));
        Cursor decoded = Cursor.decode(cursor.encode(SECRET, SCOPE), SECRET, SCOPE, 2, "name");
        assertThat(decoded).isEqualTo(cursor);
        assertThat(cursor.encode(SECRET, SCOPE)).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        String token = new Cursor("price", List.of("100", "7")).encode(SECRET, SCOPE);
        assertThatThrownBy(() -> Cursor.decode(token, SECRET, SCOPE, 2, "name"))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("sort");
    }

    @Test
    void anEditedCursorIsRefusedEvenWhenItIsWellFormed() {
        String token = new Cursor("price", List.of("100", "7")).encode(SECRET, SCOPE);
        String signature = token.substring(token.indexOf('.'));
        String edited = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("[\"price\",\"5\",\"7\"]".getBytes(StandardCharsets.UTF_8))
                + signature;
        assertThatThrownBy(() -> Cursor.decode(edited, SECRET, SCOPE, 2, "price"))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("changed");
    }

    @Test
    void aCursorOfOtherFiltersOrAnotherKeyIsRefused() {
        String token = new Cursor("price", List.of("100", "7")).encode(SECRET, SCOPE);
        assertThatThrownBy(() -> Cursor.decode(token, SECRET, "q=trousers", 2, "price"))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> Cursor.decode(token, "other".getBytes(StandardCharsets.UTF_8), SCOPE, 2, "price"))
                .isInstanceOf(InvalidRequest.class);
    }

    @Test
    void garbageIsRefusedAsInvalidRequest() {
        String notJson = Base64.getUrlEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        String wrongShape = Base64.getUrlEncoder().encodeToString("[\"name\", 1, 2]".getBytes(StandardCharsets.UTF_8));
        for (String token : List.of(
                "%%%",
                notJson,
                notJson + ".AAAA",
                wrongShape + ".AAAA",
                "a.%%%",
                new Cursor("name", List.of("a")).encode(SECRET, SCOPE))) {
            assertThatThrownBy(() -> Cursor.decode(token, SECRET, SCOPE, 2, "name"))
                    .isInstanceOf(InvalidRequest.class);
        }
    }
}
