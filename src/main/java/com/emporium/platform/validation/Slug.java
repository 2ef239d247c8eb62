package com.emporium.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A URL-safe identifier: lower-case words joined by single hyphens, at most 120 characters. */
@Pattern(
        regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
        message = "must be lower-case letters and digits joined by single hyphens")
@Size(max = 120)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
public @interface Slug {
    String message() default "must be a slug";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
