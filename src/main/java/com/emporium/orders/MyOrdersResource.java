package com.emporium.orders;

import com.emporium.platform.Roles;
import com.emporium.platform.paging.CursorSecret;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A signed-in customer's own orders, newest first, in keyset pages. */
@Path("me/orders")
@Produces(MediaType.APPLICATION_JSON)
public class MyOrdersResource {
    @Inject
    OrderService orders;

    @Inject
    CursorSecret cursorSecret;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public OrderPage mine(
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        String owner = ((JsonWebToken) security.getUserPrincipal()).getSubject();
        String scope = "my-orders:" + owner;
        byte[] secret = cursorSecret.get();
        return OrderPage.of(orders.mine(owner, OrderPage.before(cursor, secret, scope), limit), secret, scope);
    }
}
