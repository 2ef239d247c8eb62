package com.emporium.identity;

import com.emporium.platform.Roles;
import com.emporium.platform.security.ratelimit.CredentialEndpoint;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's own account and sessions. Everything here is scoped to the token's subject. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class MeResource {
    @Inject
    AccountService accounts;

    @Inject
    Sessions sessions;

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public AccountView me(@Context SecurityContext security) {
        return accounts.get(Caller.of(security).accountId());
    }

    /** Changes the password; every session of the account ends, including this one. */
    @APIResponse(responseCode = "204", description = "Done; no body.")
    @POST
    @Path("password")
    @CredentialEndpoint
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public Response changePassword(@Valid @NotNull PasswordChange change, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        accounts.changePassword(caller.accountId(), change);
        return Response.noContent().build();
    }

    @GET
    @Path("sessions")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public List<SessionView> sessions(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.active(caller.accountId(), caller.sessionId().orElse(null));
    }

    /** Ends one of the caller's sessions (a lost phone). Another account's session answers 404. */
    @APIResponse(responseCode = "204", description = "Done; no body.")
    @DELETE
    @Path("sessions/{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public Response revokeSession(@PathParam("id") UUID id, @Context SecurityContext security) {
        sessions.revoke(Caller.of(security).accountId(), id);
        return Response.noContent().build();
    }
}
