package com.emporium.addressbook;

import com.emporium.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed-in customer's address book. */
@Path("me/addresses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class MyAddressesResource {
    @Inject
    AddressBookService book;

    @Inject
    JsonWebToken caller;

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public List<AddressView> list() {
        return book.list(caller.getSubject());
    }

    @APIResponse(
            responseCode = "201",
            description = "Created; the body is the new address.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AddressView.class)))
    @POST
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    public Response add(@Valid @NotNull AddressEntry entry) {
        AddressView saved = book.add(caller.getSubject(), entry);
        return Response.status(Response.Status.CREATED).entity(saved).build();
    }

    @PUT
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    @Path("{id}")
    public AddressView replace(@PathParam("id") long id, @Valid @NotNull AddressEntry entry) {
        return book.replace(caller.getSubject(), id, entry);
    }

    @APIResponse(responseCode = "204", description = "Done; no body.")
    @DELETE
    @RolesAllowed({Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN})
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response remove(@PathParam("id") long id) {
        book.remove(caller.getSubject(), id);
        return Response.noContent().build();
    }
}
