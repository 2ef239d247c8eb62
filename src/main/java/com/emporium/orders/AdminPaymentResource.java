package com.emporium.orders;

import com.emporium.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Staff tools for payments: run the Stripe reconciliation now and read its report. */
@Path("admin/payments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class AdminPaymentResource {
    @Inject
    PaymentReconciler reconciler;

    @POST
    @Path("reconciliation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public StripePayments.Report reconcile() {
        return reconciler.run();
    }
}
