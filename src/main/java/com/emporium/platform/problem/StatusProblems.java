package com.emporium.platform.problem;

/** The fixed problem for each HTTP status the runtime or the container can answer by itself. */
public final class StatusProblems {
    private StatusProblems() {}

    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad request", "The request could not be read.");
            case 401 ->
                Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required for this resource.");
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this operation.");
            case 404 -> Problem.of(404, "not-found", "Not found", "No resource exists at this address.");
            case 405 ->
                Problem.of(
                        405, "method-not-allowed", "Method not allowed", "This resource does not support the method.");
            case 406 ->
                Problem.of(406, "not-acceptable", "Not acceptable", "This resource answers in application/json only.");
            case 409 ->
                Problem.of(
                        409, "conflict", "Conflict", "The request conflicts with the current state of the resource.");
            case 412 ->
                Problem.of(412, "stale-version", "Precondition failed", "The resource has changed since you read it.");
            case 413 ->
                Problem.of(413, "payload-too-large", "Payload too large", "The request body is larger than allowed.");
            case 415 ->
                Problem.of(
                        415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json.");
            case 429 -> Problem.of(429, "too-many-requests", "Too many requests", "Slow down and retry later.");
            default ->
                status >= 500
                        ? Problem.of(
                                status, "server-error", "Server error", "The server could not complete the request.")
                        : Problem.of(status, "client-error", "Client error", "The request was refused.");
        };
    }
}
