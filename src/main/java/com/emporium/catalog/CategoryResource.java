package com.emporium.catalog;

import com.emporium.platform.http.PublicCache;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Path("categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {
    @Inject
    CategoryService categories;

    @Inject
    @ConfigProperty(name = "emporium.catalog.cache.max-age", defaultValue = "60")
    int maxAge;

    /** The whole live tree, children in display order. */
    @GET
    @PermitAll
    public Response tree(@Context HttpHeaders headers) {
        return PublicCache.ok(headers, categories.tree(), maxAge);
    }
}
