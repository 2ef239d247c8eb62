package com.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void theShippedListIsLoadedAndUsedWithoutRegardToCase() {
        assertThat(PasswordPolicy.commonCount()).isGreaterThan(40_000);
        assertThat(PasswordPolicy.refusal("password1234")).isPresent();
        assertThat(PasswordPolicy.refusal("PassWord1234")).isPresent();
    }

    @Test
    void repeatsRunsAndShortPasswordsAreRefused() {
        assertThat(PasswordPolicy.refusal("aaaaaaaaaaaa")).contains("must not repeat a single character");
        assertThat(PasswordPolicy.refusal(" ".repeat(12))).contains("must not repeat a single character");
        assertThat(PasswordPolicy.refusal("abcdefghijklmn")).contains("must not be a run of consecutive characters");
        assertThat(PasswordPolicy.refusal("34567890123")).isPresent();
        assertThat(PasswordPolicy.refusal("short")).isPresent();
        // Eleven characters but twelve UTF-16 units: length is counted in characters.
        assertThat(PasswordPolicy.refusal("\uD83D\uDE00" + "x".repeat(9) + "y"))
                .contains("must be at least 12 characters");
    }

    @Test
    void longPassphrasesOfAnyCharactersPassWithoutCompositionRules() {
        assertThat(PasswordPolicy.refusal("correct horse battery staple")).isEmpty();
        assertThat(PasswordPolicy.refusal("  leading and trailing  ")).isEmpty();
        assertThat(PasswordPolicy.refusal("日本語のパスワードです")).isPresent();
        assertThat(PasswordPolicy.refusal("日本語の長いパスワードですよね")).isEmpty();
        assertThat(PasswordPolicy.refusal("x".repeat(129))).isPresent();
    }
}
