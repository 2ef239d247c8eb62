package com.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void composedDecomposedAndUpperCaseSpellingsNormaliseAlike() {
        String nfc = "Jos\u00e9.Garc\u00eda@Ejemplo.ES";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(EmailAddress.normalize(nfc)).contains("jos\u00e9.garc\u00eda@ejemplo.es");
        assertThat(EmailAddress.normalize(nfd)).contains("jos\u00e9.garc\u00eda@ejemplo.es");
        assertThat(EmailAddress.normalize("  Bob@Example.COM ")).contains("bob@example.com");
    }

    @Test
    void lengthsAreCheckedAfterCaseFolding() {
        assertThat(EmailAddress.normalize("a".repeat(64) + "@example.com")).isPresent();
        assertThat(EmailAddress.normalize("a".repeat(65) + "@example.com")).isEmpty();
        assertThat(EmailAddress.normalize("\u0130".repeat(40) + "@example.com")).isEmpty();
    }

    @Test
    void singleScriptAddressesInOtherScriptsAreAccepted() {
        assertThat(EmailAddress.normalize("\u0438\u0432\u0430\u043d@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444"))
                .isPresent();
        assertThat(EmailAddress.normalize("\u3084\u307e\u3060\u592a\u90ce@example.jp"))
                .isPresent();
    }

    @Test
    void lookAlikesControlsAndOddFormsAreRefused() {
        assertThat(EmailAddress.normalize("p\u0430ypal@example.com")).isEmpty();
        assertThat(EmailAddress.normalize("bob@p\u0430ypal.com")).isEmpty();
        assertThat(EmailAddress.normalize("\uff42\uff4f\uff42@example.com")).isEmpty();
        assertThat(EmailAddress.normalize("bo\u200bb@example.com")).isEmpty();
        assertThat(EmailAddress.normalize("bob@example.com\n[audit] forged")).isEmpty();
        assertThat(EmailAddress.normalize("bob\r@example.com")).isEmpty();
        assertThat(EmailAddress.normalize("\"quoted\"@example.com")).isEmpty();
        assertThat(EmailAddress.normalize("a@b@example.com")).isEmpty();
        assertThat(EmailAddress.normalize("bob@localhost")).isEmpty();
        assertThat(EmailAddress.normalize("bob..x@example.com")).isEmpty();
        assertThat(EmailAddress.normalize("bob@-example.com")).isEmpty();
        assertThat(EmailAddress.normalize(null)).isEmpty();
    }
}
