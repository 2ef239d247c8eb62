package com.emporium.flags;

import com.emporium.platform.Roles;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.Value;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Every flag in force with its variants, and what each evaluates to for a context given in the query:
 * the answer to "why does this customer see that?". Admins only: private flags and targeting rules are
 * shop internals.
 */
@Path("admin/flags")
@Produces(MediaType.APPLICATION_JSON)
public class FlagAdminResource {
    /** One flag: its definition (state, variants, default, targeting) and its value for the context asked. */
    public record FlagView(
            String key, boolean isPublic, JsonObject definition, Object value, String variant, String reason) {}

    /** The flags in force and the file they came from. */
    public record FlagsView(String file, String sha256, String rejection, List<FlagView> flags) {}

    @Inject
    Client flags;

    @Inject
    FlagFile flagFile;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public FlagsView list(
            @QueryParam("targetingKey") @Size(max = 200) String targetingKey,
            @QueryParam("role") @Pattern(regexp = "guest|customer|staff|admin") String role,
            @QueryParam("country") @Pattern(regexp = "[A-Z]{2}") String country) {
        MutableContext context = new MutableContext();
        if (targetingKey != null) {
            context.setTargetingKey(targetingKey);
        }
        if (role != null) {
            context.add("role", role);
        }
        if (country != null) {
            context.add("country", country);
        }
        FlagFile.Snapshot snapshot = flagFile.current();
        List<FlagView> views = snapshot.flags().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> view(e.getKey(), e.getValue(), context))
                .toList();
        return new FlagsView(
                flagFile.path(), snapshot.sha256(), flagFile.rejection().orElse(null), views);
    }

    private FlagView view(String key, JsonObject definition, MutableContext context) {
        FlagEvaluationDetails<Value> details = flags.getObjectDetails(key, new Value(), context);
        boolean isPublic = definition.get("metadata") instanceof JsonObject m && m.getBoolean("public", false);
        return new FlagView(
                key,
                isPublic,
                definition,
                FlagValues.toJava(details.getValue()),
                details.getVariant(),
                details.getErrorCode() == null ? details.getReason() : "ERROR " + details.getErrorCode());
    }
}
