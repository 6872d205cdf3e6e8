package io.infodesk.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * The API's JSON-B configuration: a record is written as its components only. Several records also
 * carry bean-style getters for Faces EL (which does not read record components), and JSON-B would
 * otherwise write each field twice, as {@code displayName} and {@code getDisplayName}.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(new JsonbConfig().withPropertyVisibilityStrategy(new RecordsAsData()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  /** Records: their components; other classes: JSON-B's default, public fields and getters. */
  static final class RecordsAsData implements PropertyVisibilityStrategy {

    @Override
    public boolean isVisible(Field field) {
      Class<?> owner = field.getDeclaringClass();
      if (owner.isRecord()) {
        return isComponent(owner, field.getName());
      }
      return Modifier.isPublic(field.getModifiers());
    }

    @Override
    public boolean isVisible(Method method) {
      Class<?> owner = method.getDeclaringClass();
      if (owner.isRecord()) {
        return isComponent(owner, method.getName()) && method.getParameterCount() == 0;
      }
      return Modifier.isPublic(method.getModifiers());
    }

    private static boolean isComponent(Class<?> record, String name) {
      RecordComponent[] components = record.getRecordComponents();
      return components != null
          && Arrays.stream(components).anyMatch(c -> c.getName().equals(name));
    }
  }
}
