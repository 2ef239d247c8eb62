package com.emporium.inventory;

import com.emporium.platform.problem.Conflict;

/** 409 /problems/reservation-ended: the hold was released, expired or sold and can no longer change. */
public class ReservationEnded extends Conflict {
    public ReservationEnded(Long reservationId) {
        super("reservation-ended", "Reservation ended", "Reservation " + reservationId + " is no longer held.");
    }
}
