package com.emporium.identity;

import com.emporium.platform.problem.ProblemException;

/** A password reset token that cannot set a password; each kind has its own problem type. */
public abstract class ResetTokenRefused extends ProblemException {
    ResetTokenRefused(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    /** Unknown (mistyped, never issued, or from another system). */
    public static class Invalid extends ResetTokenRefused {
        Invalid() {
            super(400, "reset-token-invalid", "Invalid reset token", "This password reset link is not valid.");
        }
    }

    public static class Expired extends ResetTokenRefused {
        Expired() {
            super(
                    410,
                    "reset-token-expired",
                    "Reset token expired",
                    "This password reset link has expired; ask for a new one.");
        }
    }

    public static class Used extends ResetTokenRefused {
        Used() {
            super(
                    409,
                    "reset-token-used",
                    "Reset token used",
                    "This password reset link was already used; ask for a new one if you need to.");
        }
    }
}
