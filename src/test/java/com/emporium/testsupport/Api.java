package com.emporium.testsupport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Entry points for integration tests: the running test server and callers with given roles. */
public final class Api {
    public static final String BASE_URL = System.getProperty("it.base.url", "http://localhost:9080");

    static {
        RestAssured.baseURI = BASE_URL;
        RestAssured.urlEncodingEnabled = true;
        RestAssured.filters(new TrafficLog(BASE_URL));
    }

    private Api() {}

    public static RequestSpecification anonymous() {
        return RestAssured.given().baseUri(BASE_URL).accept(ContentType.JSON);
    }

    public static RequestSpecification as(String... roles) {
        return anonymous().auth().oauth2(Tokens.withRoles(roles));
    }

    public static RequestSpecification admin() {
        return as("admin");
    }

    /** A value no other test (or earlier run) uses, for slugs and SKUs. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
