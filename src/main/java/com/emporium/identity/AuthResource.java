package com.emporium.identity;

import com.emporium.platform.security.BrowserSession;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Registration, login, refresh and logout. Bearer mode (the default) answers tokens in the body;
 * {@code ?mode=cookie} on login switches to browser mode, where the tokens travel in {@code __Host-}
 * cookies and the body carries the CSRF token instead. See docs/security.md.
 */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject AccountService accounts;
  @Inject Logins logins;
  @Inject Sessions sessions;
  @Inject LoginThrottle throttle;

  @POST
  @Path("register")
  @PermitAll
  public Response register(@Valid @NotNull Registration registration, @Context UriInfo uri) {
    throttle.checkRegistration();
    AccountView account = accounts.register(registration);
    return Response.created(uri.getBaseUriBuilder().path("me").build()).entity(account).build();
  }

  @POST
  @Path("login")
  @PermitAll
  public Response login(
      @Valid @NotNull Credentials credentials,
      @QueryParam("mode") String mode,
      @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
    throttle.checkLogin(credentials.email());
    TokenGrant grant = logins.login(credentials, userAgent);
    return answer(grant, "cookie".equals(mode));
  }

  @POST
  @Path("refresh")
  @PermitAll
  public Response refresh(
      RefreshRequest body, @CookieParam(BrowserSession.REFRESH_COOKIE) String cookie) {
    throttle.checkRefresh();
    boolean browser = cookie != null && (body == null || body.refreshToken() == null);
    String presented = browser ? cookie : body == null ? null : body.refreshToken();
    return answer(sessions.refresh(presented), browser);
  }

  @POST
  @Path("logout")
  @PermitAll
  public Response logout(RefreshRequest body, @CookieParam(BrowserSession.REFRESH_COOKIE) String cookie) {
    String presented = body != null && body.refreshToken() != null ? body.refreshToken() : cookie;
    sessions.logout(presented);
    return Response.noContent()
        .header(HttpHeaders.SET_COOKIE, BrowserSession.expired(BrowserSession.ACCESS_COOKIE))
        .header(HttpHeaders.SET_COOKIE, BrowserSession.expired(BrowserSession.REFRESH_COOKIE))
        .header(HttpHeaders.SET_COOKIE, BrowserSession.expired(BrowserSession.CSRF_COOKIE))
        .build();
  }

  private static Response answer(TokenGrant grant, boolean browser) {
    long expiresIn = Duration.between(Instant.now(), grant.accessExpiresAt()).toSeconds();
    if (!browser) {
      return Response.ok(new TokenResponse(grant.accessToken(), "Bearer", expiresIn, grant.refreshToken(), null)).build();
    }
    String csrf = randomToken();
    Duration refreshAge = Duration.between(Instant.now(), grant.refreshExpiresAt());
    return Response.ok(new TokenResponse(null, "Cookie", expiresIn, null, csrf))
        .header(HttpHeaders.SET_COOKIE,
            BrowserSession.cookie(BrowserSession.ACCESS_COOKIE, grant.accessToken(), Duration.ofSeconds(expiresIn)))
        .header(HttpHeaders.SET_COOKIE, BrowserSession.cookie(BrowserSession.REFRESH_COOKIE, grant.refreshToken(), refreshAge))
        .header(HttpHeaders.SET_COOKIE, BrowserSession.cookie(BrowserSession.CSRF_COOKIE, csrf, refreshAge))
        .build();
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
