package io.infodesk.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an operation that returns a JAX-RS {@code Response} answers when it succeeds, for the
 * OpenAPI document (operations.boundary.ApiContract): an operation that returns its entity needs
 * none.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Answers {

  /** The success status. */
  int status();

  /** The body's type; {@code Void.class} for none. */
  Class<?> value() default Void.class;

  /** Whether the body is a list of {@link #value()}. */
  boolean list() default false;

  /** The body's media type. */
  String mediaType() default "application/json";
}
