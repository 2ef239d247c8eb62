package com.emporium.testsupport.contract;

/**
 * One way the traffic or the document breaks the contract: of a kind (the report's groups), at an
 * operation ("POST /api/v1/carts"), for a status ("" for request-side checks), at the JSON pointer of
 * the failing value ("" when the whole exchange fails), with the validator's message.
 */
record Mismatch(String kind, String operation, String status, String pointer, String message) {
    static final String NO_OPERATION = "operation not in the document";
    static final String STATUS = "status not documented";
    static final String MEDIA_TYPE = "media type not documented";
    static final String UNDESCRIBED_ANSWER = "answer has a body the document does not describe";
    static final String MISSING_ANSWER = "answer lacks the body the document describes";
    static final String NOT_JSON = "body is not JSON";
    static final String RESPONSE_BODY = "response body does not match its schema";
    static final String PROBLEM_BODY = "problem body does not match the Problem schema";
    static final String REQUEST_MEDIA_TYPE = "request media type not documented";
    static final String UNDESCRIBED_REQUEST = "request has a body the document does not describe";
    static final String REQUEST_BODY = "request body does not match its schema";
    static final String NO_EXAMPLE = "request body without an example";
    static final String EXAMPLE = "example does not match its schema";

    /** One line of the report: the kind is its group's heading. */
    String describe() {
        StringBuilder out = new StringBuilder(operation);
        if (!status.isEmpty()) {
            out.append(' ').append(status);
        }
        if (!pointer.isEmpty()) {
            out.append(" at ").append(pointer);
        }
        if (!message.isEmpty()) {
            out.append(": ").append(message);
        }
        return out.toString();
    }
}
