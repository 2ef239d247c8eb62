package com.emporium.platform.problem;

/** 428: writes to versioned resources must say which version they change (RFC 6585 §3). */
public class PreconditionRequired extends ProblemException {
    public PreconditionRequired(String detail) {
        super(428, "precondition-required", "Precondition required", detail);
    }
}
