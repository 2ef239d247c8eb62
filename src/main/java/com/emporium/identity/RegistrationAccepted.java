package com.emporium.identity;

/**
 * The one answer to every valid registration, whether the email was new or already had an account, so
 * that registration cannot be used to find out who has an account here.
 */
public record RegistrationAccepted(String status, String detail) {
    static final RegistrationAccepted INSTANCE = new RegistrationAccepted(
            "accepted",
            "If this email can be used for a new account, the account exists now: sign in with the email and password."
                    + " If the email already has an account, its owner is told.");
}
