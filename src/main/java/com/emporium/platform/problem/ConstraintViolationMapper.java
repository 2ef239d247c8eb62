package com.emporium.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on request records and parameters become a 400 listing every field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of(400, "validation", "Invalid request", "One or more fields are invalid.")
                .withErrors(errors)
                .at(uriInfo.getRequestUri().getRawPath())
                .toResponse();
    }

    /**
     * The path a client recognises: method and parameter nodes ({@code create.arg0}) are dropped, so a
     * body field reads {@code variants[0].sku}, a field of a parameter bean reads its own name, and a
     * constrained path, query or header parameter reads the name its annotation gives it. Only the
     * request body itself is {@code body}.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        Path.MethodNode method = null;
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
                continue;
            }
            if (node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = method == null
                        ? null
                        : parameterName(
                                violation.getRootBeanClass(),
                                method,
                                node.as(Path.ParameterNode.class).getParameterIndex());
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.length() == 0) {
            return parameter == null ? "body" : parameter;
        }
        return field.toString();
    }

    /** The JAX-RS name of a resource method's parameter, or null for the entity (the body). */
    private static String parameterName(Class<?> resource, Path.MethodNode node, int index) {
        Class<?>[] types = node.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Method method = type.getDeclaredMethod(node.getName(), types);
                for (Annotation annotation : method.getParameters()[index].getAnnotations()) {
                    if (annotation instanceof PathParam p) {
                        return p.value();
                    } else if (annotation instanceof QueryParam q) {
                        return q.value();
                    } else if (annotation instanceof HeaderParam h) {
                        return h.value();
                    } else if (annotation instanceof CookieParam c) {
                        return c.value();
                    } else if (annotation instanceof FormParam f) {
                        return f.value();
                    } else if (annotation instanceof MatrixParam m) {
                        return m.value();
                    }
                }
                return null;
            } catch (NoSuchMethodException e) {
                // declared further up: a CDI proxy subclass, or an inherited resource method
            }
        }
        return null;
    }
}
