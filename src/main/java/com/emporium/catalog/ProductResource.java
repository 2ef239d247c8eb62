package com.emporium.catalog;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {
    private static final String ATTRIBUTE_PREFIX = "attr.";
    private static final Set<String> LIST_PARAMETERS =
            Set.of("q", "category", "minPrice", "maxPrice", "inStock", "sort", "limit", "cursor", "count");

    @Inject
    ProductService products;

    @Inject
    CatalogCache cache;

    /**
     * Lists active products, newest first unless sorted otherwise. Pages are keyset pages: follow the
     * {@code Link: rel="next"} header (or {@code nextCursor}); {@code count=true} adds X-Total-Count.
     */
    @APIResponse(
            responseCode = "200",
            description = "A page of public products.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductPage.class)),
            headers = {
                @Header(name = "ETag", ref = "ETag"),
                @Header(
                        name = "Link",
                        description = "rel=\"next\": the next page.",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "X-Total-Count",
                        description = "With count=true: products matching the filters.",
                        schema = @Schema(type = SchemaType.INTEGER))
            })
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag.")
    @GET
    @PermitAll
    public Response list(@Valid @BeanParam ProductQuery query, @Context UriInfo uri, @Context HttpHeaders headers) {
        Map<String, List<String>> attributes = attributeFilters(uri);
        CatalogCache.Entry entry = cache.respond(headers, listKey(query, uri), () -> {
            ProductListing listing = products.list(query, attributes);
            Page<ProductSummary> page = listing.page();
            String next = page.nextCursor().orElse(null);
            Long total = listing.total().isPresent() ? listing.total().getAsLong() : null;
            return CatalogCache.fresh(new ProductPage(page.items(), next), next, total);
        });
        Response.ResponseBuilder ok = cache.ok(headers, entry);
        // Built per request: the link carries this request's own host and spelling of the query.
        if (entry.nextCursor() != null) {
            ok.link(
                    uri.getRequestUriBuilder()
                            .replaceQueryParam("cursor", entry.nextCursor())
                            .build(),
                    "next");
        }
        if (entry.total() != null) {
            ok.header("X-Total-Count", entry.total());
        }
        return ok.build();
    }

    @APIResponse(
            responseCode = "200",
            description = "A public product with its variants.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag.")
    @GET
    @Path("{slug}")
    @PermitAll
    public Response detail(@PathParam("slug") @Slug String slug, @Context HttpHeaders headers) {
        CatalogCache.Entry entry = cache.respond(headers, "products/" + slug, () -> {
            ProductView product = products.publicDetail(slug)
                    .orElseThrow(() -> new NotFound("No product '" + slug + "' is for sale."));
            return CatalogCache.fresh(product, null, null);
        });
        return cache.ok(headers, entry).build();
    }

    /**
     * The list request in one spelling: the parameters the list reads, sorted, each value encoded, and
     * for a search whether this caller gets the typo fallback (a flag that may differ per guest).
     * Parameters the list ignores stay out, so they cannot split (or flood) the cache.
     */
    private String listKey(ProductQuery query, UriInfo uri) {
        Map<String, List<String>> relevant = new TreeMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (LIST_PARAMETERS.contains(name) || name.startsWith(ATTRIBUTE_PREFIX)) {
                relevant.put(name, values.stream().sorted().toList());
            }
        });
        StringBuilder key = new StringBuilder("products?");
        relevant.forEach((name, values) -> values.forEach(value ->
                key.append(encode(name)).append('=').append(encode(value)).append('&')));
        if (query.searching()) {
            key.append("~typo=").append(products.searchForgivesTypos());
        }
        return key.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
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
