package com.emporium.identity.audit;

import com.emporium.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admins read the audit trail, newest first; {@code before} pages back from an event id. */
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class AuditResource {
    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public List<AuditEventView> search(
            @QueryParam("type") String type,
            @QueryParam("actor") String actor,
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return audit.search(type, actor, before, limit);
    }
}
