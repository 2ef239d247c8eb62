package com.emporium.platform.problem;

/** 400 for input that passes field validation but still makes no sense (a bad cursor, an unknown sort). */
public class InvalidRequest extends ProblemException {
    public InvalidRequest(String detail) {
        super(400, "invalid-request", "Invalid request", detail);
    }
}
