package com.emporium.platform.security;

import com.emporium.platform.problem.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;

/**
 * Browser mode: a request without an Authorization header that carries the session cookies is
 * authenticated by the access cookie, presented to MicroProfile JWT as the bearer token it holds.
 * Because browsers attach cookies to cross-site requests, every unsafe method in this mode must prove
 * it came from our own frontend: an Origin that is this host or a configured origin, and the CSRF
 * token echoed in a header. Bearer mode needs neither: no browser adds that header by itself.
 */
public class BrowserSessionFilter extends HttpFilter {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final java.util.regex.Pattern COOKIE_MODE = java.util.regex.Pattern.compile("(^|&)mode=cookie(&|$)");

  private SecurityConfig config;

  @Override
  public void init() {
    config = SecurityConfig.load();
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getHeader("Authorization") != null) {
      chain.doFilter(request, response);
      return;
    }
    String access = cookie(request, BrowserSession.ACCESS_COOKIE);
    boolean cookieMode =
        access != null
            || cookie(request, BrowserSession.REFRESH_COOKIE) != null
            || wantsCookies(request);
    if (cookieMode && !SAFE.contains(request.getMethod())) {
      if (!sameOrAllowedOrigin(request)) {
        refuse(request, response, "cross-origin", "Cross-origin request refused",
            "In browser mode, unsafe requests must come from this site or a configured origin.");
        return;
      }
      boolean loginOrRegister = cookie(request, BrowserSession.REFRESH_COOKIE) == null && access == null;
      if (!loginOrRegister && !csrfTokenMatches(request)) {
        refuse(request, response, "csrf", "CSRF token missing or wrong",
            "Send the csrfToken from the login or refresh answer in the " + BrowserSession.CSRF_HEADER + " header.");
        return;
      }
    }
    chain.doFilter(access == null ? request : new BearerFromCookie(request, access), response);
  }

  /** Login and registration ask for browser mode with ?mode=cookie (read without touching the body). */
  private static boolean wantsCookies(HttpServletRequest request) {
    String query = request.getQueryString();
    return query != null && COOKIE_MODE.matcher(query).find();
  }

  private boolean sameOrAllowedOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null || origin.equals("null")) {
      return false;
    }
    if (config.allows(origin)) {
      return true;
    }
    try {
      URI uri = URI.create(origin);
      String host = request.getHeader("Host");
      String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null && originHost != null && host.equalsIgnoreCase(originHost);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean csrfTokenMatches(HttpServletRequest request) {
    String expected = cookie(request, BrowserSession.CSRF_COOKIE);
    String presented = request.getHeader(BrowserSession.CSRF_HEADER);
    return expected != null
        && presented != null
        && expected.length() >= 16
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  private static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      if (name.equals(c.getName()) && !c.getValue().isEmpty()) {
        return c.getValue();
      }
    }
    return null;
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, String slug, String title, String detail)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSONB.toJson(Problem.of(403, slug, title, detail).at(request.getRequestURI())));
  }

  /** The access cookie, shown to the JWT authenticator as the Authorization header it expects. */
  private static final class BearerFromCookie extends HttpServletRequestWrapper {
    private final String authorization;

    BearerFromCookie(HttpServletRequest request, String token) {
      super(request);
      this.authorization = "Bearer " + token;
    }

    @Override
    public String getHeader(String name) {
      return "Authorization".equalsIgnoreCase(name) ? authorization : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Authorization".equalsIgnoreCase(name)
          ? Collections.enumeration(java.util.List.of(authorization))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      java.util.List<String> names = Collections.list(super.getHeaderNames());
      names.add("Authorization");
      return Collections.enumeration(names);
    }
  }
}
