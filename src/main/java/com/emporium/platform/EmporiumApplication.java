package com.emporium.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API root. Bearer tokens are MicroProfile JWTs; the {@code groups} claim carries the roles. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Emporium API",
                        version = "1",
                        description = "Catalog, carts, checkout, orders, payments, loyalty and live stock of an"
                                + " Emporium shop. Errors are RFC 9457 problem details (docs/errors.md); access"
                                + " tokens are bearer JWTs (docs/security.md)."))
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class EmporiumApplication extends Application {}
