package com.emporium.catalog;

import com.emporium.platform.http.PublicCache;
import com.emporium.platform.paging.Page;
import com.emporium.platform.problem.NotFound;
import com.emporium.platform.validation.Slug;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Path("products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {
    private static final String ATTRIBUTE_PREFIX = "attr.";

    @Inject
    ProductSearch search;

    @Inject
    ProductService products;

    @Inject
    @ConfigProperty(name = "emporium.catalog.cache.max-age", defaultValue = "60")
    int maxAge;

    /**
     * Lists active products, newest first unless sorted otherwise. Pages are keyset pages: follow the
     * {@code Link: rel="next"} header (or {@code nextCursor}); {@code count=true} adds X-Total-Count.
     */
    @GET
    @PermitAll
    public Response list(@Valid @BeanParam ProductQuery query, @Context UriInfo uri, @Context HttpHeaders headers) {
        ProductSearch.Listing listing = search.list(query, attributeFilters(uri));
        Page<ProductSummary> page = listing.page();
        Response.ResponseBuilder ok = Response.fromResponse(PublicCache.ok(
                headers, new ProductPage(page.items(), page.nextCursor().orElse(null)), maxAge));
        page.nextCursor()
                .ifPresent(next -> ok.link(
                        uri.getRequestUriBuilder()
                                .replaceQueryParam("cursor", next)
                                .build(),
                        "next"));
        listing.total().ifPresent(total -> ok.header("X-Total-Count", total));
        return ok.build();
    }

    @GET
    @Path("{slug}")
    @PermitAll
    public Response detail(@PathParam("slug") @Slug String slug, @Context HttpHeaders headers) {
        ProductView product =
                products.publicDetail(slug).orElseThrow(() -> new NotFound("No product '" + slug + "' is for sale."));
        return PublicCache.ok(headers, product, maxAge);
    }

    private static Map<String, List<String>> attributeFilters(UriInfo uri) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (name.startsWith(ATTRIBUTE_PREFIX)) {
                filters.put(name.substring(ATTRIBUTE_PREFIX.length()), values);
            }
        });
        return filters;
    }

    /** One page of the list. */
    public record ProductPage(List<ProductSummary> items, String nextCursor) {}
}
