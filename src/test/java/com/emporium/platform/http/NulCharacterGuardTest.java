package com.emporium.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NulCharacterGuardTest {
    private static boolean nul(String json) {
        return NulCharacterGuard.containsNul(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsTheEscapeAndTheRawByte() {
        assertThat(nul("{\"name\":\"a\\u0000b\"}")).isTrue();
        assertThat(nul("{\"name\":\"\\\\\\u0000\"}")).isTrue();
        assertThat(nul("{\"name\":\"a\0\"}")).isTrue();
    }

    @Test
    void anEscapedBackslashBeforeTheTextU0000IsNotANul() {
        assertThat(nul("{\"name\":\"\\\\u0000\"}")).isFalse();
        assertThat(nul("{\"name\":\"Café \\u00e9 \\\" ok\"}")).isFalse();
    }
}
