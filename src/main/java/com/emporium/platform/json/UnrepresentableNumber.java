package com.emporium.platform.json;

import jakarta.json.bind.JsonbException;

/**
 * A JSON value that the target field cannot hold exactly. The message is written for the client; the
 * problem mapper pairs it with the field's path.
 */
public class UnrepresentableNumber extends JsonbException {
    public UnrepresentableNumber(String message) {
        super(message);
    }
}
