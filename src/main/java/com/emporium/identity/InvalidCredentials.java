package com.emporium.identity;

import com.emporium.platform.problem.ProblemException;

/**
 * 401 for a failed login or password check. One fixed message whatever went wrong, so the answer does
 * not tell whether the account exists.
 */
public class InvalidCredentials extends ProblemException {
    public InvalidCredentials() {
        super(401, "invalid-credentials", "Invalid credentials", "The email or the password is wrong.");
    }
}
