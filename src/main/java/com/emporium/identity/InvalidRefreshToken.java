package com.emporium.identity;

import com.emporium.platform.problem.ProblemException;

/** 401 for a refresh token that is unknown, expired, spent or revoked: log in again. */
public class InvalidRefreshToken extends ProblemException {
    public InvalidRefreshToken() {
        super(401, "invalid-refresh-token", "Invalid refresh token", "The session has ended; log in again.");
    }
}
