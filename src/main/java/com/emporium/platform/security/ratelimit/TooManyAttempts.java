package com.emporium.platform.security.ratelimit;

import com.emporium.platform.problem.ProblemException;

/** 429 (or 503 while the limit cannot be checked) for a per-account credential limit. */
public class TooManyAttempts extends ProblemException {
    private final Decision decision;

    public TooManyAttempts(Decision decision) {
        super(
                decision.unavailable() ? 503 : 429,
                decision.unavailable() ? "rate-limit-unavailable" : "too-many-requests",
                decision.unavailable() ? "Temporarily unavailable" : "Too many requests",
                decision.unavailable()
                        ? "This operation is refused while its rate limit cannot be checked; retry shortly."
                        : "Too many attempts for this account; retry later.");
        this.decision = decision;
    }

    public Decision decision() {
        return decision;
    }
}
