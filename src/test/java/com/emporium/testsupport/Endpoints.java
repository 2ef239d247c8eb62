package com.emporium.testsupport;

import com.emporium.platform.EmporiumApplication;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every JAX-RS resource method of the application, found by reflection over the compiled classes. */
public final class Endpoints {
    private Endpoints() {}

    /** One resource method: "GET /api/v1/admin/products/{id}" and the Java method behind it. */
    public record Endpoint(String httpMethod, String path, Class<?> resource, Method method) {
        public String key() {
            return httpMethod + " " + path;
        }
    }

    public static List<Endpoint> all() {
        String root = "/"
                + trim(EmporiumApplication.class
                        .getAnnotation(ApplicationPath.class)
                        .value());
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            String base = trim(resource.getAnnotation(Path.class).value());
            for (Method method : resource.getMethods()) {
                if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                Optional<String> verb = httpMethod(method);
                Path sub = method.getAnnotation(Path.class);
                if (verb.isEmpty() && sub == null) {
                    continue;
                }
                String path = root + "/" + base + (sub == null ? "" : "/" + trim(sub.value()));
                endpoints.add(new Endpoint(
                        verb.orElse("LOCATOR"), path.replaceAll("/+", "/").replaceAll("/$", ""), resource, method));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::key));
        return endpoints;
    }

    static Optional<String> httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static String trim(String path) {
        return path.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    private static List<Class<?>> resourceClasses() {
        try {
            java.nio.file.Path classes = java.nio.file.Path.of(EmporiumApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            List<Class<?>> found = new ArrayList<>();
            try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
                for (java.nio.file.Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(file)
                            .toString()
                            .replace('/', '.')
                            .replace(".class", "");
                    if (name.contains("$") || name.endsWith("package-info")) {
                        continue;
                    }
                    Class<?> type = Class.forName(name, false, Endpoints.class.getClassLoader());
                    if (type.isAnnotationPresent(Path.class)) {
                        found.add(type);
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
