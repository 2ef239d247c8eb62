package com.emporium.orders;

import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.ProblemException;

/** Failures of payments, provider webhooks and refunds, each with its problem type fixed here once. */
final class PaymentProblems {
    private PaymentProblems() {}

    /**
     * 503 /problems/temporarily-unavailable: the provider timed out, answered 5xx or the breaker is open.
     * Nothing was recorded here; a retry reaches the same PaymentIntent or Refund through its idempotency key.
     */
    static class ProviderUnavailable extends ProblemException {
        ProviderUnavailable() {
            super(
                    503,
                    "temporarily-unavailable",
                    "Temporarily unavailable",
                    "The payment provider could not be reached just now; nothing was changed. Retry shortly.");
        }
    }

    /** 502 /problems/payment-provider-error: the provider refused a request it should have accepted. */
    static class ProviderError extends ProblemException {
        ProviderError() {
            super(
                    502,
                    "payment-provider-error",
                    "Payment provider error",
                    "The payment provider refused the request; staff have been told in the log.");
        }
    }

    /** 400 /problems/webhook-signature-invalid: missing, malformed, wrong-secret or too old a signature. */
    static class SignatureInvalid extends ProblemException {
        SignatureInvalid() {
            super(
                    400,
                    "webhook-signature-invalid",
                    "Webhook signature invalid",
                    "The Stripe-Signature header is missing, does not match the body or is too old.");
        }
    }

    /** 400 /problems/webhook-payload-invalid: the body is not a Stripe event. */
    static class PayloadInvalid extends ProblemException {
        PayloadInvalid() {
            super(400, "webhook-payload-invalid", "Webhook payload invalid", "The body is not a Stripe event object.");
        }
    }

    /** 409 /problems/refund-exceeds-payment: with the refunds already made or under way, this one is too much. */
    static class RefundExceedsPayment extends Conflict {
        RefundExceedsPayment(long requested, long left, String currency) {
            super(
                    "refund-exceeds-payment",
                    "Refund exceeds payment",
                    "A refund of " + requested + " " + currency + " exceeds the " + left + " " + currency
                            + " not yet refunded.");
        }
    }
}
