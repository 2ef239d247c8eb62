package com.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Api;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** The Liberty Admin Center: HTTPS only, for the configured administrator and reader users. */
class AdminCenterIT {
    private static final String HTTPS = System.getProperty("it.https.url");

    private static RequestSpecification https() {
        return RestAssured.given()
                .baseUri(HTTPS)
                .relaxedHTTPSValidation()
                .redirects()
                .follow(false);
    }

    @Test
    void theConsoleIsServedOverHttpsOnly() {
        Response page = https().get("/adminCenter/");
        assertThat(page.statusCode()).isIn(200, 302);
        assertThat(page.header("Strict-Transport-Security")).contains("max-age=31536000");
        Response plain = Api.anonymous().redirects().follow(false).get("/adminCenter/");
        assertThat(plain.statusCode()).as("plain HTTP is redirected to HTTPS").isIn(301, 302, 303, 307, 308);
        assertThat(plain.header("Location")).startsWith("https://");
    }

    @Test
    void administratorAndReaderAuthenticateOthersDoNot() {
        String api = "/IBMJMXConnectorREST/mbeanCount";
        https().auth()
                .preemptive()
                .basic("platform-admin", System.getProperty("it.admin-center.password"))
                .get(api)
                .then()
                .statusCode(200);
        https().auth()
                .preemptive()
                .basic("platform-reader", System.getProperty("it.admin-center.reader.password"))
                .get(api)
                .then()
                .statusCode(200);
        https().auth()
                .preemptive()
                .basic("platform-admin", "wrong-password")
                .get(api)
                .then()
                .statusCode(401);
        https().get(api).then().statusCode(401);
    }
}
