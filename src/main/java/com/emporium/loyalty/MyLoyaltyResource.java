package com.emporium.loyalty;

import com.emporium.platform.Roles;
import com.emporium.platform.paging.Cursor;
import com.emporium.platform.paging.CursorSecret;
import com.emporium.platform.paging.Page;
import com.emporium.platform.problem.InvalidRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A signed-in customer's points: what can be spent, what is pending, what expires next, the ledger. */
@Path("me/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class MyLoyaltyResource {
    static final String SORT = "loyalty-newest";

    @Inject
    LoyaltyService loyalty;

    @Inject
    CursorSecret cursorSecret;

    @Inject
    JsonWebToken caller;

    /** One page of entries; pass {@code nextCursor} back as {@code cursor} (or follow {@code Link}). */
    public record EntryPage(List<LoyaltyView.Entry> items, String nextCursor) {}

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public LoyaltyView mine() {
        return loyalty.view(caller.getSubject());
    }

    /**
     * The caller's ledger, newest first, in keyset pages. The cursor is signed for this owner, so one
     * customer's cursor is a 400 for another, never a page of someone else's entries.
     */
    @APIResponse(
            responseCode = "200",
            description = "A page of the caller's ledger; `nextCursor` is absent on the last page.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EntryPage.class)))
    @GET
    @Path("entries")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public Response entries(
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit")
                    @Pattern(regexp = "^([1-9]|[1-9][0-9]|100)$", message = "must be a whole number from 1 to 100")
                    String limit,
            @Context UriInfo uri) {
        String owner = caller.getSubject();
        String scope = "my-loyalty-entries:" + owner;
        byte[] secret = cursorSecret.get();
        Page<LoyaltyView.Entry> page =
                loyalty.entries(owner, before(cursor, secret, scope), limit == null ? 20 : Integer.parseInt(limit));
        String next = page.nextCursor()
                .map(id -> new Cursor(SORT, List.of(id)).encode(secret, scope))
                .orElse(null);
        Response.ResponseBuilder ok = Response.ok(new EntryPage(page.items(), next));
        if (next != null) {
            ok.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build(), "next");
        }
        return ok.build();
    }

    private static Optional<Long> before(String cursor, byte[] secret, String scope) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        String key = Cursor.decode(cursor, secret, scope, 1, SORT).keys().get(0);
        try {
            return Optional.of(Long.parseLong(key));
        } catch (NumberFormatException e) {
            throw new InvalidRequest("The cursor is not one this API issued.");
        }
    }
}
