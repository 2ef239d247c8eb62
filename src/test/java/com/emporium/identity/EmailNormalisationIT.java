package com.emporium.identity;

import static com.emporium.testsupport.Accounts.PASSWORD;
import static com.emporium.testsupport.Accounts.clientIp;
import static com.emporium.testsupport.Accounts.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.emporium.testsupport.Accounts;
import com.emporium.testsupport.Api;
import java.text.Normalizer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One account per address whatever its Unicode spelling; lengths checked after normalising; no look-alikes. */
class EmailNormalisationIT {

    @Test
    void composedAndDecomposedSpellingsAreOneAccount() {
        String local = Api.unique("jos\u00e9");
        String nfc = local + "@it.emporium.local";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        from(clientIp())
                .body(Map.of("email", nfc, "password", PASSWORD))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(202);
        from(clientIp())
                .body(Map.of("email", nfd.toUpperCase(), "password", "another long passphrase"))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(202);
        assertThat(IdentityDatabase.count("SELECT count(*) FROM account WHERE email LIKE ?", local.toLowerCase() + "%"))
                .isEqualTo(1);
        assertThat(IdentityDatabase.strings("SELECT email FROM account WHERE email LIKE ?", local.toLowerCase() + "%"))
                .containsExactly(nfc.toLowerCase());
        Accounts.Login login = Accounts.login(nfd, PASSWORD);
        assertThat(login.id()).isPositive();
    }

    @Test
    void anAddressThatGrowsPastTheLimitWhenCaseFoldedIsA400BeforeAnythingIsStored() {
        // "İ" (U+0130) lower-cases to two characters: 60 of them fit 64 as typed, 120 after folding.
        String local = "\u0130".repeat(60);
        String email = local + "@it.emporium.local";
        from(clientIp())
                .body(Map.of("email", email, "password", PASSWORD))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("email"));
        String longDomain =
                "a".repeat(60) + "@" + "\u0130".repeat(50) + "." + "b".repeat(63) + "." + "c".repeat(63) + ".example";
        from(clientIp())
                .body(Map.of("email", longDomain, "password", PASSWORD))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400);
    }

    @Test
    void mixedScriptLookAlikesAndInvisibleCharactersAreRefused() {
        // Cyrillic "а" (U+0430) in a Latin word; full-width letters; a zero-width space.
        for (String email : new String[] {
            "p\u0430ypal-" + Api.unique("x") + "@it.emporium.local",
            Api.unique("x") + "@p\u0430ypal.example",
            "\uff41\uff42\uff43" + Api.unique("x") + "@it.emporium.local",
            Api.unique("x") + "\u200b@it.emporium.local"
        }) {
            from(clientIp())
                    .body(Map.of("email", email, "password", PASSWORD))
                    .post("/api/v1/auth/register")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("email"));
        }
    }
}
