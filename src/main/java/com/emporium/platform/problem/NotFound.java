package com.emporium.platform.problem;

/** 404: the resource does not exist, or the caller may not know that it does. */
public class NotFound extends ProblemException {
    public NotFound(String detail) {
        super(404, "not-found", "Not found", detail);
    }
}
