package com.emporium.platform;

import static com.emporium.testsupport.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The server around the API: health, metrics, OpenAPI, request ids, and a clean start. */
class PlatformIT {

    @Test
    void healthEndpointsReportUp() {
        for (String probe : new String[] {"started", "live", "ready"}) {
            anonymous().get("/health/" + probe).then().statusCode(200).body("status", equalTo("UP"));
        }
        anonymous().get("/health/ready").then().body("checks.name", hasItem("database"));
        anonymous().get("/health/started").then().body("checks.name", hasItem("schema"));
    }

    @Test
    void metricsExposeRequestTimersAsPrometheusText() {
        anonymous().get("/api/v1/categories").then().statusCode(200);
        Response metrics = anonymous().accept("text/plain").get("/metrics");
        metrics.then().statusCode(200);
        assertThat(metrics.asString()).contains("REST_request_seconds").contains("CategoryResource");
    }

    @Test
    void openApiDescribesTheCatalog() {
        Response openapi = anonymous().accept("application/json").get("/openapi");
        openapi.then().statusCode(200);
        assertThat(openapi.asString()).contains("/api/v1/products").contains("/api/v1/admin/products/{id}");
        anonymous().accept("text/html").get("/openapi/ui/").then().statusCode(200);
    }

    @Test
    void requestIdsAreEchoedOrGenerated() {
        anonymous()
                .header("X-Request-Id", "abc-123")
                .get("/api/v1/categories")
                .then()
                .header("X-Request-Id", equalTo("abc-123"));
        String generated = anonymous().get("/api/v1/categories").header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
        String replaced = anonymous()
                .header("X-Request-Id", "bad id with spaces\t")
                .get("/api/v1/categories")
                .header("X-Request-Id");
        assertThat(replaced).matches("[0-9a-f-]{36}");
        anonymous()
                .header("X-Request-Id", "err-1")
                .get("/api/v1/nope")
                .then()
                .statusCode(404)
                .header("X-Request-Id", equalTo("err-1"));
    }

    @Test
    void theServerStartedEveryFeatureAndTheApplication() throws IOException {
        String log = Files.readString(Path.of(System.getProperty("it.server.log")));
        assertThat(log).contains("CWWKZ0001I: Application emporium started");
        assertThat(log)
                .doesNotContain("CWWKF0001E")
                .doesNotContain("CWWKZ0002E")
                .doesNotContain("CWWKE0701E");
    }
}
