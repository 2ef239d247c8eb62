package com.emporium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksAndControlsBecomeVisibleEscapes() {
        String escaped = LogText.escape("a@b.c\r\n[audit] login.succeeded\u0000\u001b[31m\u2028\u202e");
        assertThat(escaped).doesNotContain("\r", "\n", "\u0000", "\u001b", "\u2028", "\u202e");
        assertThat(escaped).isEqualTo("a@b.c\\u000d\\u000a[audit] login.succeeded\\u0000\\u001b[31m\\u2028\\u202e");
    }

    @Test
    void backslashesAreDoubledSoInputCannotImitateAnEscape() {
        assertThat(LogText.escape("x\\u000ay")).isEqualTo("x\\\\u000ay");
    }

    @Test
    void plainTextIsUnchanged() {
        String text = "jos\u00e9@example.com 10.0.0.1";
        assertThat(LogText.escape(text)).isSameAs(text);
        assertThat(LogText.escape(null)).isEqualTo("null");
    }
}
