package com.emporium.identity;

/**
 * The login and refresh answer. Bearer mode carries the refresh token here; browser mode carries it
 * in a cookie instead and adds the CSRF token that scripts must echo in X-CSRF-Token. The access token
 * is always here: browser frontends keep it in memory, never in storage.
 */
public record TokenResponse(
        String accessToken, String tokenType, long expiresIn, String refreshToken, String csrfToken) {}
