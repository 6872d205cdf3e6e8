package io.infodesk.platform.entity;

import java.lang.reflect.Field;
import java.sql.Types;
import java.time.Instant;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Declares every column that holds an {@link Instant} (through {@link InstantConverter}) as a
 * timestamp, so that EclipseLink binds a null in it as a timestamp. Without this it bound a null as
 * a varchar, which H2 accepts and PostgreSQL refuses for a timestamp column: on PostgreSQL every
 * flywheel cycle failed when it was created, its finish time still empty (ClusterRoutingIT found
 * it). Values are still converted by InstantConverter, which reads what each driver returns.
 */
public class TimestampColumns implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    declare(session);
    // the converter sets the fields' classification again when the descriptors initialise at
    // login; the JDBC type set here is what binding a null reads, so set it once more after it
    session
        .getEventManager()
        .addListener(
            new SessionEventAdapter() {
              @Override
              public void postLogin(SessionEvent event) {
                declare(event.getSession());
              }
            });
  }

  static void declare(Session session) {
    for (ClassDescriptor descriptor : session.getDescriptors().values()) {
      for (DatabaseMapping mapping : descriptor.getMappings()) {
        if (mapping instanceof DirectToFieldMapping direct
            && isInstant(descriptor.getJavaClass(), mapping.getAttributeName())) {
          direct.getField().setSqlType(Types.TIMESTAMP);
        }
      }
    }
  }

  static boolean isInstant(Class<?> type, String attribute) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(attribute);
        return f.getType() == Instant.class;
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    return false;
  }
}
