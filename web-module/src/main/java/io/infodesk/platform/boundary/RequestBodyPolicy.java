package io.infodesk.platform.boundary;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Set;

/**
 * A body an operation does not take is refused, not ignored: an operation without an entity
 * parameter answers 400 to a request with a body (a garbage or cross-site form body must not
 * trigger the action), and an operation that takes a body without declaring {@code @Consumes} takes
 * JSON only (415 otherwise). Operations that declare {@code @Consumes} are held to it by JAX-RS
 * itself.
 */
@Provider
public class RequestBodyPolicy implements ContainerRequestFilter {

  private static final Set<Class<? extends Annotation>> NOT_THE_BODY =
      Set.of(
          PathParam.class,
          QueryParam.class,
          HeaderParam.class,
          CookieParam.class,
          MatrixParam.class,
          FormParam.class,
          BeanParam.class,
          Context.class,
          jakarta.ws.rs.container.Suspended.class);

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null || !request.hasEntity()) {
      return;
    }
    if (!takesBody(method)) {
      request.abortWith(
          problem(
              Response.Status.BAD_REQUEST,
              request.getMethod()
                  + " "
                  + request.getUriInfo().getPath()
                  + " takes no request body; send none"));
      return;
    }
    boolean declared =
        method.isAnnotationPresent(Consumes.class)
            || method.getDeclaringClass().isAnnotationPresent(Consumes.class);
    MediaType type = request.getMediaType();
    if (!declared && (type == null || !isJson(type))) {
      request.abortWith(
          problem(
              Response.Status.UNSUPPORTED_MEDIA_TYPE,
              "the request body must be application/json, not "
                  + (type == null ? "untyped" : type.toString())));
    }
  }

  static boolean takesBody(Method method) {
    for (Parameter p : method.getParameters()) {
      boolean annotated =
          List.of(p.getAnnotations()).stream()
              .anyMatch(a -> NOT_THE_BODY.contains(a.annotationType()));
      if (!annotated) {
        return true;
      }
    }
    return false;
  }

  static boolean isJson(MediaType type) {
    return type.getType().equalsIgnoreCase("application")
        && (type.getSubtype().equalsIgnoreCase("json")
            || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }

  private static Response problem(Response.Status status, String detail) {
    return Problem.of(status, detail, null).toResponse();
  }
}
