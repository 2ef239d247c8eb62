package com.emporium.inventory;

import com.emporium.platform.problem.Conflict;
import java.time.Instant;

/** 409 /problems/hold-limit: extensions may not keep units from everyone else past the longest hold. */
public class HoldLimitReached extends Conflict {
    public HoldLimitReached(Long reservationId, Instant latest) {
        super(
                "hold-limit",
                "Hold limit reached",
                "Reservation " + reservationId + " cannot be held past " + latest
                        + "; reserve again if the units are free.");
    }
}
