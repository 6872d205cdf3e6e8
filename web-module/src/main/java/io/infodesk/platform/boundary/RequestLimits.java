package io.infodesk.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * What is checked before a body is read: an operation marked {@code @RolesAllowed} refuses a caller
 * without one of those roles (403) before a large upload is buffered, and a body over its cap is
 * refused with 413 from its Content-Length: 256 KiB for JSON, 50 MiB for a JSONL import; uploads
 * are held to the configured file size and count by the sources service.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RequestLimits implements ContainerRequestFilter {

  public static final long JSON_LIMIT = 256 * 1024;
  public static final long JSONL_LIMIT = 50L * 1024 * 1024;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    RolesAllowed roles = RequestBodyPolicy.original(method).getAnnotation(RolesAllowed.class);
    if (roles != null) {
      boolean allowed = false;
      for (String role : roles.value()) {
        allowed |= request.getSecurityContext().isUserInRole(role);
      }
      if (!allowed) {
        request.abortWith(
            Problem.of(
                    Response.Status.FORBIDDEN,
                    "this operation needs one of the roles " + String.join(", ", roles.value()),
                    null)
                .toResponse());
        return;
      }
    }
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    MediaType type = request.getMediaType();
    if (length == null || type == null || type.getType().equalsIgnoreCase("multipart")) {
      return;
    }
    long limit = RequestBodyPolicy.isJson(type) ? JSON_LIMIT : JSONL_LIMIT;
    try {
      if (Long.parseLong(length.strip()) > limit) {
        request.abortWith(
            Problem.of(
                    Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "the request body is over its limit of " + limit / 1024 + " KiB",
                    null)
                .toResponse());
      }
    } catch (NumberFormatException e) {
      request.abortWith(
          Problem.of(Response.Status.BAD_REQUEST, "Content-Length is not a number", null)
              .toResponse());
    }
  }
}
