package com.emporium.platform.problem;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Target of web.xml's error pages: answers the container's own errors (authentication refused before
 * JAX-RS runs, paths outside the API) with the same problem body the API uses.
 */
@WebServlet(urlPatterns = "/_error")
public class ErrorPageServlet extends HttpServlet {
    @Inject
    AccessRefusals refusals;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        refusals.record(
                status,
                request.getUserPrincipal(),
                request.getHeader("Authorization") != null,
                uri == null ? null : uri.toString());
        Problem problem = StatusProblems.forStatus(status).at(uri == null ? null : uri.toString());
        ServletProblems.write(response, problem);
    }
}
