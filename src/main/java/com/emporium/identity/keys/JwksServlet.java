package com.emporium.identity.keys;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Publishes the public keys (RFC 7517) outside the API root, where verifiers expect them. MicroProfile
 * JWT in this server reads it too (server.xml's jwksUri), so a key added to the ring is trusted by
 * every verifier without a restart. A short max-age keeps rotations visible within a minute.
 */
@WebServlet(urlPatterns = "/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {
    @Inject
    SigningKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/jwk-set+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=60");
        response.getWriter().write(keys.publicKeys().toString(true));
    }
}
