package com.emporium.identity;

import com.emporium.platform.problem.InvalidRequest;
import com.emporium.platform.security.BrowserSession;
import com.emporium.platform.security.ratelimit.CredentialEndpoint;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Registration, login, refresh and logout. Bearer mode (the default) answers both tokens in the body;
 * {@code ?mode=cookie} on login switches to browser mode, where the refresh token travels in a
 * {@code __Host-} cookie and the body carries the access token (for memory only) and the CSRF token.
 * Refresh and logout take the token from the body or, without one, from the cookie. See
 * docs/security.md.
 */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    AccountService accounts;

    @Inject
    Logins logins;

    @Inject
    Sessions sessions;

    @Inject
    PasswordResets resets;

    @APIResponse(
            responseCode = "202",
            description =
                    "Accepted; a confirmation mail follows. The same answer whether or not the email already has an account.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = RegistrationAccepted.class)))
    @POST
    @Path("register")
    @CredentialEndpoint
    @PermitAll
    public Response register(@Valid @NotNull Registration registration) {
        accounts.register(registration);
        return Response.accepted(RegistrationAccepted.INSTANCE).build();
    }

    @APIResponse(
            responseCode = "200",
            description =
                    "Signed in: an access token, and a refresh token (bearer mode) or the session cookie and CSRF token (mode=cookie).",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenResponse.class)))
    @POST
    @Path("login")
    @CredentialEndpoint
    @PermitAll
    public Response login(
            @Valid @NotNull Credentials credentials,
            @QueryParam("mode") String mode,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        String email = EmailAddress.normalized(credentials.email());
        TokenGrant grant = logins.login(email, credentials.password(), userAgent);
        return answer(grant, "cookie".equals(mode));
    }

    /** Always 202 with the same body: the answer never tells whether the email has an account. */
    @APIResponse(
            responseCode = "202",
            description = "Accepted; a reset mail follows if the email has an account.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PasswordResetAccepted.class)))
    @POST
    @Path("password-reset")
    @CredentialEndpoint
    @PermitAll
    public Response requestPasswordReset(@Valid @NotNull PasswordResetRequest request) {
        resets.request(request.email());
        return Response.accepted(PasswordResetAccepted.INSTANCE).build();
    }

    @APIResponse(responseCode = "204", description = "Done; no body.")
    @APIResponse(
            responseCode = "410",
            description = "The reset token has expired (`/problems/reset-token-expired`); ask for a new one.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @POST
    @Path("password-reset/confirm")
    @CredentialEndpoint
    @PermitAll
    public Response confirmPasswordReset(@Valid @NotNull PasswordResetConfirmation confirmation) {
        resets.confirm(confirmation.token(), confirmation.newPassword());
        return Response.noContent().build();
    }

    @APIResponse(
            responseCode = "200",
            description = "A new access token; the refresh token is rotated.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenResponse.class)))
    @POST
    @Path("refresh")
    @CredentialEndpoint
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    public Response refresh(
            @RequestBody(
                            required = false,
                            description =
                                    "Bearer mode: the refresh token. Browser mode: no body (the cookie carries it).",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = RefreshRequest.class)))
                    String body,
            @CookieParam(BrowserSession.REFRESH_COOKIE) String cookie) {
        String fromBody = refreshTokenIn(body);
        boolean browser = fromBody == null && cookie != null;
        String presented = browser ? cookie : fromBody;
        return answer(sessions.refresh(presented), browser);
    }

    @APIResponse(responseCode = "204", description = "Done; no body.")
    @POST
    @Path("logout")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    public Response logout(
            @RequestBody(
                            required = false,
                            description =
                                    "Bearer mode: the refresh token. Browser mode: no body (the cookie carries it).",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = RefreshRequest.class)))
                    String body,
            @CookieParam(BrowserSession.REFRESH_COOKIE) String cookie) {
        String fromBody = refreshTokenIn(body);
        String presented = fromBody != null ? fromBody : cookie;
        sessions.logout(presented);
        return Response.noContent()
                .header(HttpHeaders.SET_COOKIE, BrowserSession.expired(BrowserSession.REFRESH_COOKIE))
                .header(HttpHeaders.SET_COOKIE, BrowserSession.expired(BrowserSession.CSRF_COOKIE))
                .build();
    }

    private static Response answer(TokenGrant grant, boolean browser) {
        long expiresIn =
                Duration.between(Instant.now(), grant.accessExpiresAt()).toSeconds();
        if (!browser) {
            return Response.ok(new TokenResponse(grant.accessToken(), "Bearer", expiresIn, grant.refreshToken(), null))
                    .build();
        }
        String csrf = randomToken();
        Duration refreshAge = Duration.between(Instant.now(), grant.refreshExpiresAt());
        return Response.ok(new TokenResponse(grant.accessToken(), "Bearer", expiresIn, null, csrf))
                .header(
                        HttpHeaders.SET_COOKIE,
                        BrowserSession.cookie(BrowserSession.REFRESH_COOKIE, grant.refreshToken(), refreshAge))
                .header(HttpHeaders.SET_COOKIE, BrowserSession.cookie(BrowserSession.CSRF_COOKIE, csrf, refreshAge))
                .build();
    }

    /** Browsers post refresh and logout without a body; API clients send {"refreshToken": "..."}. */
    private static String refreshTokenIn(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            RefreshRequest request = JSONB.fromJson(body, RefreshRequest.class);
            return request == null ? null : request.refreshToken();
        } catch (JsonbException e) {
            throw new InvalidRequest("The body must be {\"refreshToken\": \"...\"} or empty.");
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
