package com.emporium.catalog;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {
    @Inject
    CategoryService categories;

    @Inject
    CatalogCache cache;

    /** The whole live tree, children in display order. */
    @GET
    @PermitAll
    public Response tree(@Context HttpHeaders headers) {
        CatalogCache.Entry entry =
                cache.respond(headers, "categories", () -> CatalogCache.fresh(categories.tree(), null, null));
        return cache.ok(headers, entry).build();
    }
}
