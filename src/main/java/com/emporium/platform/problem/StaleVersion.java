package com.emporium.platform.problem;

/** 412: the client's If-Match names a version that is no longer current (RFC 9110 §13.1.1). */
public class StaleVersion extends ProblemException {
    public StaleVersion(String detail) {
        super(412, "stale-version", "Precondition failed", detail);
    }
}
