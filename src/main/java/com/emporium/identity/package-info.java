/**
 * Identity: accounts, logins and the tokens that prove them. Access tokens are short-lived RS256 JWTs
 * this application signs (keys in {@code keys}) and MicroProfile JWT verifies; refresh tokens are
 * opaque, stored only as hashes and rotated on every use, one family per session. Browser frontends get
 * the same session in {@code __Host-} cookies with a CSRF token. Security events go to {@code audit}.
 */
package com.emporium.identity;
