package com.emporium.pricing;

import com.emporium.platform.problem.Conflict;

/** 409 /problems/coupon-unavailable: the code is unknown, outside its window, used up or below its minimum. */
public class CouponUnavailable extends Conflict {
    public CouponUnavailable(String code, String why) {
        super("coupon-unavailable", "Coupon unavailable", "Coupon '" + code + "' cannot be used: " + why + ".");
    }
}
