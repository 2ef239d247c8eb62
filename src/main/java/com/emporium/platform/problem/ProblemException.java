package com.emporium.platform.problem;

/**
 * Base of the domain failures a client can cause or must react to. Each subclass fixes its status and
 * problem type, so services say what went wrong and the mapper alone decides how it looks on the wire.
 */
public abstract class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;

    protected ProblemException(int status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public Problem problem() {
        return Problem.of(status, slug, title, getMessage());
    }
}
