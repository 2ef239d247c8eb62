package com.emporium.identity;

import java.time.Instant;
import java.util.UUID;

/** What a login or a refresh yields: a new access token and the next refresh token of the session. */
public record TokenGrant(
        String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt, UUID sessionId) {}
