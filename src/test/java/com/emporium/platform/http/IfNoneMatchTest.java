package com.emporium.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IfNoneMatchTest {
    @Test
    void ifNoneMatchComparesWeakly() {
        assertThat(IfNoneMatch.matches("\"abc\"", "abc")).isTrue();
        assertThat(IfNoneMatch.matches("W/\"abc\"", "abc")).isTrue();
        assertThat(IfNoneMatch.matches("\"x\", W/\"abc\"", "abc")).isTrue();
        assertThat(IfNoneMatch.matches("*", "abc")).isTrue();
    }

    @Test
    void otherTagsOrNoHeaderDoNotMatch() {
        assertThat(IfNoneMatch.matches(null, "abc")).isFalse();
        assertThat(IfNoneMatch.matches("\"abd\", W/\"ab\"", "abc")).isFalse();
        assertThat(IfNoneMatch.matches("abc", "abc")).isFalse();
    }
}
