package com.emporium.loyalty;

import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.ProblemException;

/** Loyalty's own failures, each with its problem type fixed here once. */
public final class LoyaltyProblems {
    private LoyaltyProblems() {}

    /** 409 /problems/insufficient-points: the balance available now does not cover the redemption. */
    public static class InsufficientPoints extends Conflict {
        InsufficientPoints(long requested, long available) {
            super(
                    "insufficient-points",
                    "Not enough points",
                    "Redeeming " + requested + " points needs that many available; " + Math.max(0, available)
                            + " are available now.");
        }
    }

    /** 400 /problems/points-over-limit: more points than the share of the order they may pay. */
    public static class PointsOverLimit extends ProblemException {
        PointsOverLimit(long requested, long allowed) {
            super(
                    400,
                    "points-over-limit",
                    "Too many points",
                    "At most " + allowed + " points can be redeemed on this order; " + requested + " were asked for.");
        }
    }

    /** 400 /problems/points-not-accepted: a guest order, or a currency without a point value. */
    public static class PointsNotAccepted extends ProblemException {
        PointsNotAccepted(String why) {
            super(400, "points-not-accepted", "Points not accepted", why);
        }
    }

    /** 403 /problems/loyalty-redemption-disabled: the loyalty-redemption flag is off for this caller. */
    public static class RedemptionDisabled extends ProblemException {
        RedemptionDisabled() {
            super(
                    403,
                    "loyalty-redemption-disabled",
                    "Points redemption disabled",
                    "This shop does not accept loyalty points at checkout right now.");
        }
    }
}
