package com.emporium.platform.problem;

/** 409: the request is well formed but clashes with the current state (a taken slug, a duplicate SKU). */
public class Conflict extends ProblemException {
    public Conflict(String slug, String title, String detail) {
        super(409, slug, title, detail);
    }
}
