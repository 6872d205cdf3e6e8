package io.infodesk.operations.boundary;

import io.infodesk.platform.boundary.Answers;
import io.infodesk.platform.boundary.Problem;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes /openapi say what every operation really answers. Payara's scanner gives each operation one
 * {@code default} response of {@code type: object}; this filter derives the success response from
 * the resource method (its return type, or {@link Answers} where it returns a {@code Response}),
 * writes the schemas of those types as JSON-B writes them ({@link JsonBinding}: a record's
 * components, a class's getters; Instants as date-time strings), and gives every operation the
 * {@code application/problem+json} errors it may answer. ContractIT validates real responses
 * against the result.
 */
public class ApiContract implements OASFilter {

  /** Every resource under /api. ContractIT fails on an operation this list misses. */
  static final List<Class<?>> RESOURCES =
      List.of(
          io.infodesk.answering.boundary.AskResource.class,
          io.infodesk.feedback.boundary.InteractionsResource.class,
          io.infodesk.curation.boundary.DatasetsResource.class,
          io.infodesk.feedback.boundary.EscalationsResource.class,
          io.infodesk.flywheel.boundary.CyclesResource.class,
          io.infodesk.flywheel.boundary.SimulationsResource.class,
          io.infodesk.flywheel.boundary.TrainingResource.class,
          io.infodesk.knowledge.boundary.DomainsResource.class,
          io.infodesk.knowledge.boundary.SourcesResource.class,
          io.infodesk.platform.boundary.NodesResource.class,
          io.infodesk.platform.boundary.SettingsResource.class,
          io.infodesk.registry.boundary.ModelsResource.class,
          io.infodesk.retrieval.boundary.TuningResource.class,
          io.infodesk.review.boundary.ReviewsResource.class,
          io.infodesk.security.boundary.AuditResource.class,
          io.infodesk.security.boundary.MeResource.class,
          io.infodesk.security.boundary.UsersResource.class);

  /**
   * Resources whose operations keep the ids they had in the resource they left, so that a client
   * generated from /openapi stays valid ({@code modelsTrain}, {@code domainsTune}).
   */
  static final Map<Class<?>, String> OPERATION_PREFIXES =
      Map.of(
          io.infodesk.flywheel.boundary.TrainingResource.class, "Models",
          io.infodesk.retrieval.boundary.TuningResource.class, "Domains");

  /** The errors any operation may answer, each with a problem body. */
  static final Map<String, String> ERRORS = new LinkedHashMap<>();

  static {
    ERRORS.put("400", "Bad input: the detail names the field or parameter");
    ERRORS.put("401", "Not signed in, or bad credentials");
    ERRORS.put("403", "Signed in without the role or the domain this needs");
    ERRORS.put("404", "No such object (or not one the caller may see)");
    ERRORS.put("406", "The Accept header names no type the operation answers with");
    ERRORS.put("409", "Conflicts with the object's state");
    ERRORS.put("413", "The body is over its limit");
    ERRORS.put("415", "The body's content type is not one the operation takes");
    ERRORS.put("429", "Too many failed sign-ins: wait (Retry-After)");
    ERRORS.put("500", "An unexpected error; it has been logged");
    ERRORS.put("503", "Not ready yet, or a dependency is down");
  }

  private final Map<String, Schema> schemas = new LinkedHashMap<>();
  private final Map<Class<?>, String> names = new LinkedHashMap<>();
  private final java.util.Set<String> operationIds = new java.util.HashSet<>();

  @Override
  public void filterOpenAPI(OpenAPI api) {
    schemas.clear();
    names.clear();
    operationIds.clear();
    if (api.getPaths() == null) {
      return;
    }
    for (Class<?> resource : RESOURCES) {
      String root = path(resource.getAnnotation(Path.class));
      for (Method m : resource.getMethods()) {
        String verb = verb(m);
        if (verb == null) {
          continue;
        }
        String path = "/api" + join(root, path(m.getAnnotation(Path.class)));
        PathItem item = api.getPaths().getPathItem(path);
        Operation op =
            item == null || item.getOperations() == null
                ? null
                : item.getOperations().get(PathItem.HttpMethod.valueOf(verb));
        if (op != null) {
          op.setResponses(responses(m));
          // Payara names an operation after its Java method, and list() is everywhere
          String prefix =
              OPERATION_PREFIXES.getOrDefault(
                  resource, resource.getSimpleName().replace("Resource", ""));
          String id =
              Character.toLowerCase(prefix.charAt(0))
                  + prefix.substring(1)
                  + Character.toUpperCase(m.getName().charAt(0))
                  + m.getName().substring(1);
          String unique = id;
          for (int n = 2; !operationIds.add(unique); n++) {
            unique = id + n;
          }
          op.setOperationId(unique);
        }
      }
    }
    schemas.put("Problem", problemSchema());
    // two resources share the flywheel tag; a document lists each tag once
    if (api.getTags() != null) {
      Map<String, org.eclipse.microprofile.openapi.models.tags.Tag> tags = new LinkedHashMap<>();
      api.getTags().forEach(t -> tags.putIfAbsent(t.getName(), t));
      api.setTags(new java.util.ArrayList<>(tags.values()));
    }
    if (api.getExtensions() != null) {
      api.getExtensions().remove("endpoints");
    }
    if (api.getComponents() == null) {
      api.setComponents(OASFactory.createComponents());
    }
    Map<String, Schema> all = new LinkedHashMap<>();
    if (api.getComponents().getSchemas() != null) {
      all.putAll(api.getComponents().getSchemas());
    }
    all.putAll(schemas);
    api.getComponents().setSchemas(all);
  }

  private APIResponses responses(Method m) {
    APIResponses out = OASFactory.createAPIResponses();
    Answers answers = m.getAnnotation(Answers.class);
    APIResponse success = OASFactory.createAPIResponse().description("Success");
    String status;
    if (answers != null) {
      status = String.valueOf(answers.status());
      if (answers.value() != Void.class) {
        Schema body = schema(answers.value());
        if (answers.list()) {
          body = OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(body);
        }
        success.content(content(answers.mediaType(), body));
      }
    } else if (m.getReturnType() == void.class) {
      status = "204";
    } else {
      status = "200";
      success.content(content("application/json", schema(m.getGenericReturnType())));
    }
    out.addAPIResponse(status, success);
    Schema problem = OASFactory.createSchema().ref("Problem");
    ERRORS.forEach(
        (code, description) ->
            out.addAPIResponse(
                code,
                OASFactory.createAPIResponse()
                    .description(description)
                    .content(content(Problem.MEDIA_TYPE, problem))));
    return out;
  }

  private static Content content(String mediaType, Schema schema) {
    return OASFactory.createContent()
        .addMediaType(mediaType, OASFactory.createMediaType().schema(schema));
  }

  /** The schema of a Java type as JSON-B writes it. */
  Schema schema(Type type) {
    Class<?> raw = raw(type);
    if (raw == String.class || raw == char.class || raw == Character.class) {
      return typed(Schema.SchemaType.STRING);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return typed(Schema.SchemaType.BOOLEAN);
    }
    if (raw == int.class
        || raw == Integer.class
        || raw == long.class
        || raw == Long.class
        || raw == short.class
        || raw == Short.class) {
      return typed(Schema.SchemaType.INTEGER);
    }
    if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
      return typed(Schema.SchemaType.NUMBER);
    }
    if (raw == Instant.class || raw == OffsetDateTime.class) {
      return typed(Schema.SchemaType.STRING).format("date-time");
    }
    if (raw == LocalDate.class) {
      return typed(Schema.SchemaType.STRING).format("date");
    }
    if (raw == byte[].class) {
      return typed(Schema.SchemaType.STRING).format("byte");
    }
    if (raw.isEnum()) {
      Schema s = typed(Schema.SchemaType.STRING);
      for (Object constant : raw.getEnumConstants()) {
        s.addEnumeration(((Enum<?>) constant).name());
      }
      return s;
    }
    if (JsonObject.class.isAssignableFrom(raw)) {
      return typed(Schema.SchemaType.OBJECT);
    }
    if (JsonArray.class.isAssignableFrom(raw)) {
      return typed(Schema.SchemaType.ARRAY).items(OASFactory.createSchema());
    }
    if (JsonValue.class.isAssignableFrom(raw) || raw == Object.class) {
      return OASFactory.createSchema();
    }
    if (raw.isArray()) {
      return typed(Schema.SchemaType.ARRAY).items(schema(raw.getComponentType()));
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return typed(Schema.SchemaType.ARRAY).items(schema(argument(type, 0)));
    }
    if (Map.class.isAssignableFrom(raw)) {
      return typed(Schema.SchemaType.OBJECT).additionalPropertiesSchema(schema(argument(type, 1)));
    }
    return OASFactory.createSchema().ref(component(raw));
  }

  /** A record's components, or a class's public getters, as a named component schema. */
  private String component(Class<?> type) {
    String known = names.get(type);
    if (known != null) {
      return known;
    }
    String name = type.getSimpleName();
    if (names.containsValue(name) || name.equals("Problem") && type != Problem.class) {
      name =
          type.getEnclosingClass() == null
              ? type.getName().replace('.', '_')
              : type.getEnclosingClass().getSimpleName() + name;
    }
    names.put(type, name);
    Schema s = typed(Schema.SchemaType.OBJECT);
    schemas.put(name, s);
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        s.addProperty(c.getName(), nullable(schema(c.getGenericType()), c.getType()));
      }
    } else {
      for (Method getter : type.getMethods()) {
        String property = property(getter);
        if (property != null) {
          s.addProperty(
              property, nullable(schema(getter.getGenericReturnType()), getter.getReturnType()));
        }
      }
    }
    return name;
  }

  /** A JSON-B property read by a public getter: getX or isX, no parameters. */
  static String property(Method m) {
    if (Modifier.isStatic(m.getModifiers())
        || m.getParameterCount() != 0
        || m.getDeclaringClass() == Object.class
        || m.getReturnType() == void.class) {
      return null;
    }
    String n = m.getName();
    String rest;
    if (n.startsWith("get") && n.length() > 3) {
      rest = n.substring(3);
    } else if (n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class) {
      rest = n.substring(2);
    } else {
      return null;
    }
    return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }

  /** JSON-B leaves out null values; a reference type may still be absent, never a primitive. */
  private static Schema nullable(Schema s, Class<?> type) {
    if (!type.isPrimitive() && s.getRef() == null) {
      s.nullable(true);
    }
    return s;
  }

  private static Schema problemSchema() {
    Schema s = typed(Schema.SchemaType.OBJECT);
    s.addProperty("type", typed(Schema.SchemaType.STRING).example("about:blank"));
    s.addProperty("title", typed(Schema.SchemaType.STRING).example("Bad Request"));
    s.addProperty("status", typed(Schema.SchemaType.INTEGER).example(400));
    s.addProperty("detail", typed(Schema.SchemaType.STRING).example("question must not be empty"));
    s.addProperty("instance", typed(Schema.SchemaType.STRING).nullable(true));
    s.required(List.of("status", "detail"));
    s.description("An RFC 9457 problem detail, the body of every API error");
    return s;
  }

  private static Schema typed(Schema.SchemaType type) {
    return OASFactory.createSchema().type(type);
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static Type argument(Type t, int i) {
    return t instanceof ParameterizedType p && p.getActualTypeArguments().length > i
        ? p.getActualTypeArguments()[i]
        : Object.class;
  }

  private static String verb(Method m) {
    if (m.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (m.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (m.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    if (m.isAnnotationPresent(DELETE.class)) {
      return "DELETE";
    }
    return null;
  }

  private static String path(Path p) {
    if (p == null) {
      return "";
    }
    // {id: \d+} is {id} in OpenAPI
    return p.value().replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
  }

  private static String join(String a, String b) {
    String out = "/" + strip(a) + (strip(b).isEmpty() ? "" : "/" + strip(b));
    return out.equals("/") ? "" : out;
  }

  private static String strip(String s) {
    return s.replaceAll("^/+|/+$", "");
  }
}
