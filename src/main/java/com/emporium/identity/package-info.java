/**
 * Identity: accounts, logins and the tokens that prove them. Access tokens are short-lived RS256 JWTs
 * this application signs (keys in {@code keys}) and MicroProfile JWT verifies; each request also checks
 * that the token's session still stands and its role is still the account's, so revocations take effect
 * at once on every replica (cluster signals). Refresh tokens are opaque, stored only as hashes and
 * rotated on every use, one family per session. Browser frontends get the same session in {@code __Host-}
 * cookies with a CSRF token. Emails are normalised and passwords checked against NIST SP 800-63B before
 * anything is stored. Security events go to {@code audit}.
 */
package com.emporium.identity;
