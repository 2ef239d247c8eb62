package com.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Endpoints;
import com.emporium.testsupport.Endpoints.Endpoint;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deny by default: every resource method states who may call it, on itself. */
class ResourceAnnotationsTest {
    private static final List<Class<? extends Annotation>> DECISIONS =
            List.of(RolesAllowed.class, PermitAll.class, DenyAll.class);

    @Test
    void everyResourceMethodDeclaresItsAccessRule() {
        List<Endpoint> endpoints = Endpoints.all();
        assertThat(endpoints).as("resource methods found by reflection").hasSizeGreaterThan(20);
        List<String> undecided = endpoints.stream()
                .filter(e -> DECISIONS.stream()
                                .filter(e.method()::isAnnotationPresent)
                                .count()
                        != 1)
                .map(e -> e.key() + " (" + e.resource().getSimpleName() + "."
                        + e.method().getName() + ")")
                .toList();
        assertThat(undecided)
                .as("methods without exactly one of @RolesAllowed/@PermitAll/@DenyAll")
                .isEmpty();
    }

    @Test
    void noSubResourceLocatorsEscapeTheRule() {
        assertThat(Endpoints.all().stream()
                        .filter(e -> e.httpMethod().equals("LOCATOR"))
                        .map(Endpoint::key))
                .isEmpty();
    }
}
