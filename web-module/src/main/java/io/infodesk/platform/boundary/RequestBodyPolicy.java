package io.infodesk.platform.boundary;

import io.infodesk.platform.control.Jsons;
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
    Method method = original(resource.getResourceMethod());
    if (method == null || !hasBody(request)) {
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
      return;
    }
    Class<?> body = bodyType(method);
    if (body != null && body.isRecord() && type != null && isJson(type)) {
      strict(request, body);
    }
  }

  /**
   * A JSON body bound to a record is held to it: only the record's fields, each of its type (no
   * number for a text, no text for a number), and text without NUL characters or unpaired
   * surrogates. JSON-B would otherwise drop an unknown field silently (an employee's misspelt
   * correction would be lost) and coerce types.
   */
  private static void strict(ContainerRequestContext request, Class<?> record) {
    byte[] bytes;
    try {
      bytes = request.getEntityStream().readAllBytes();
    } catch (java.io.IOException e) {
      request.abortWith(problem(Response.Status.BAD_REQUEST, "the request body could not be read"));
      return;
    }
    request.setEntityStream(new java.io.ByteArrayInputStream(bytes));
    jakarta.json.JsonValue json;
    try (var reader =
        Jsons.JSON.createReader(
            new java.io.InputStreamReader(
                new java.io.ByteArrayInputStream(bytes),
                java.nio.charset.StandardCharsets.UTF_8))) {
      json = reader.readValue();
    } catch (RuntimeException e) {
      request.abortWith(problem(Response.Status.BAD_REQUEST, "the request body is not valid JSON"));
      return;
    }
    if (json.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
      return;
    }
    if (!(json instanceof jakarta.json.JsonObject object)) {
      request.abortWith(
          problem(Response.Status.BAD_REQUEST, "the request body must be a JSON object"));
      return;
    }
    java.util.Map<String, Class<?>> fields = new java.util.LinkedHashMap<>();
    for (var c : record.getRecordComponents()) {
      fields.put(c.getName(), c.getType());
    }
    java.util.Set<String> unknown = new java.util.TreeSet<>(object.keySet());
    unknown.removeAll(fields.keySet());
    if (!unknown.isEmpty()) {
      request.abortWith(
          problem(
              Response.Status.BAD_REQUEST,
              "unknown field"
                  + (unknown.size() > 1 ? "s " : " ")
                  + unknown
                  + " in the request body; it takes "
                  + fields.keySet()));
      return;
    }
    for (var entry : object.entrySet()) {
      String problem = typeProblem(entry.getKey(), fields.get(entry.getKey()), entry.getValue());
      if (problem != null) {
        request.abortWith(problem(Response.Status.BAD_REQUEST, problem));
        return;
      }
    }
  }

  /** Why a JSON value does not fit a field of this Java type, or null when it does. */
  static String typeProblem(String name, Class<?> type, jakarta.json.JsonValue value) {
    var t = value.getValueType();
    if (t == jakarta.json.JsonValue.ValueType.NULL) {
      return type.isPrimitive() ? name + " must not be null" : null;
    }
    if (type == String.class) {
      if (t != jakarta.json.JsonValue.ValueType.STRING) {
        return name + " must be a text";
      }
      String s = ((jakarta.json.JsonString) value).getString();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean lone =
            Character.isHighSurrogate(c)
                ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(++i))
                : Character.isLowSurrogate(c);
        if (c == 0 || lone) {
          return name + " contains a NUL character or an unpaired surrogate";
        }
      }
      return null;
    }
    if (Number.class.isAssignableFrom(type)
        || type == int.class
        || type == long.class
        || type == double.class) {
      if (t != jakarta.json.JsonValue.ValueType.NUMBER) {
        return name + " must be a number";
      }
      boolean whole =
          type == Integer.class || type == int.class || type == Long.class || type == long.class;
      return whole && !((jakarta.json.JsonNumber) value).isIntegral()
          ? name + " must be a whole number"
          : null;
    }
    if (type == Boolean.class || type == boolean.class) {
      return t == jakarta.json.JsonValue.ValueType.TRUE
              || t == jakarta.json.JsonValue.ValueType.FALSE
          ? null
          : name + " must be true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return t == jakarta.json.JsonValue.ValueType.ARRAY ? null : name + " must be a list";
    }
    return null;
  }

  /** The type of the method's entity parameter, or null. */
  static Class<?> bodyType(Method method) {
    for (Parameter p : method.getParameters()) {
      boolean annotated =
          List.of(p.getAnnotations()).stream()
              .anyMatch(a -> NOT_THE_BODY.contains(a.annotationType()));
      if (!annotated) {
        return p.getType();
      }
    }
    return null;
  }

  /**
   * The method as its class declares it: a CDI-managed resource may be reported as its proxy's
   * subclass, whose overriding methods carry no annotations on the method or its parameters.
   */
  static Method original(Method method) {
    if (method == null) {
      return null;
    }
    Method found = method;
    for (Class<?> c = method.getDeclaringClass().getSuperclass();
        c != null && c != Object.class;
        c = c.getSuperclass()) {
      try {
        found = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
      } catch (NoSuchMethodException e) {
        // not declared here
      }
    }
    return found;
  }

  /** A body is sent: a Content-Length above zero, or a chunked one (whatever the method). */
  static boolean hasBody(ContainerRequestContext request) {
    String length = request.getHeaderString("Content-Length");
    if (length != null) {
      try {
        return Long.parseLong(length.strip()) > 0;
      } catch (NumberFormatException e) {
        return true;
      }
    }
    return request.getHeaderString("Transfer-Encoding") != null || request.hasEntity();
  }

  static boolean takesBody(Method method) {
    return bodyType(method) != null;
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
