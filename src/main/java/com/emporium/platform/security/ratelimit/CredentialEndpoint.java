package com.emporium.platform.security.ratelimit;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that checks or issues credentials (login, registration, refresh, password
 * change). The stricter per-address credential limit is bound to the method the request reaches, so no
 * spelling of its URI (trailing slash, path parameters, encoded characters) can route around it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CredentialEndpoint {}
