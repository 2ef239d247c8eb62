package com.emporium.platform.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a problem straight to a servlet response, for errors answered before JAX-RS runs. */
public final class ServletProblems {
    private static final Jsonb JSONB = JsonbBuilder.create();

    private ServletProblems() {}

    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSONB.toJson(problem));
    }
}
