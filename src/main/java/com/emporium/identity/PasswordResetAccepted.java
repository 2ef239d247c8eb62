package com.emporium.identity;

/**
 * The one answer to every valid reset request, whether or not the email has an account and whether or
 * not the request was throttled, so the endpoint cannot be used to find out who has an account here.
 */
public record PasswordResetAccepted(String status, String detail) {
    static final PasswordResetAccepted INSTANCE = new PasswordResetAccepted(
            "accepted",
            "If this email belongs to an account, a link to choose a new password is on its way."
                    + " It works once, within 30 minutes.");
}
