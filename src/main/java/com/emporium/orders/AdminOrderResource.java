package com.emporium.orders;

import com.emporium.platform.Roles;
import com.emporium.platform.paging.CursorSecret;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Staff work on orders: find them, read their history, fulfil, ship, deliver, cancel, keep internal notes. */
@Path("admin/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class AdminOrderResource {
    @Inject
    OrderService orders;

    @Inject
    CursorSecret cursorSecret;

    @Inject
    OrderSweeper sweeper;

    @Inject
    StripePayments payments;

    @Context
    SecurityContext security;

    /** Filters combine; dates are ISO-8601 instants, totals minor units. */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public OrderPage search(
            @QueryParam("state") String state,
            @QueryParam("email") @Email String email,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("minTotal") @PositiveOrZero Long minTotal,
            @QueryParam("maxTotal") @PositiveOrZero Long maxTotal,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        OrderRepository.Filter filter = new OrderRepository.Filter(
                Optional.ofNullable(state).map(AdminOrderResource::state),
                Optional.ofNullable(email),
                Optional.ofNullable(from).map(AdminOrderResource::instant),
                Optional.ofNullable(to).map(AdminOrderResource::instant),
                Optional.ofNullable(minTotal),
                Optional.ofNullable(maxTotal));
        String scope = "orders:" + filter;
        byte[] secret = cursorSecret.get();
        return OrderPage.of(orders.search(filter, OrderPage.before(cursor, secret, scope), limit), secret, scope);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public OrderView detail(@PathParam("id") long id) {
        return orders.detail(id);
    }

    @POST
    @Path("{id}/fulfillments")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public OrderView fulfil(@PathParam("id") long id, @Valid @NotNull Fulfilment fulfilment) {
        return orders.fulfil(id, fulfilment, actor());
    }

    @POST
    @Path("{id}/shipment")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public OrderView ship(@PathParam("id") long id) {
        return orders.ship(id, actor());
    }

    @POST
    @Path("{id}/delivery")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public OrderView deliver(@PathParam("id") long id) {
        return orders.deliver(id, actor());
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public OrderView cancel(@PathParam("id") long id, @Valid @NotNull Cancellation cancellation) {
        return orders.cancel(id, cancellation.reason(), actor());
    }

    /** Internal notes: staff only, never part of what the customer sees. */
    @GET
    @Path("{id}/notes")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public java.util.List<OrderNote.View> notes(@PathParam("id") long id) {
        return orders.notes(id);
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; the body is all of the order's notes, the new one included.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = OrderNote.View.class)))
    @POST
    @Path("{id}/notes")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public jakarta.ws.rs.core.Response addNote(@PathParam("id") long id, @Valid @NotNull OrderNote note) {
        return jakarta.ws.rs.core.Response.status(201)
                .entity(orders.addNote(id, note, actor()))
                .build();
    }

    /**
     * Refunds the whole order (no {@code lines}) or the units named, with or without shipping; needs an
     * Idempotency-Key, and a retry with the same key never refunds twice. The order becomes
     * PARTIALLY_REFUNDED or REFUNDED once the provider confirms (at once with the {@code test} provider).
     */
    @POST
    @Path("{id}/refunds")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    public OrderView refund(
            @PathParam("id") long id,
            @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull RefundRequest request) {
        if (key == null || key.isEmpty() || key.length() > 200 || !key.matches("[\\x21-\\x7e]+")) {
            throw new OrderProblems.KeyRequired();
        }
        return payments.refund(id, key, request, actor());
    }

    /** Runs the unpaid-order sweep now (it also runs on a schedule); answers how many were cancelled. */
    @POST
    @Path("sweeps")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Integer> sweep() {
        return Map.of("cancelled", sweeper.sweep());
    }

    private String actor() {
        return "account:" + security.getUserPrincipal().getName();
    }

    private static OrderState state(String value) {
        try {
            return OrderState.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new com.emporium.platform.problem.InvalidRequest("Unknown order state '" + value + "'.");
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new com.emporium.platform.problem.InvalidRequest("'" + value + "' is not an ISO-8601 instant.");
        }
    }
}
