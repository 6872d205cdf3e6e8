package io.infodesk.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/** This node's name and roles ({@code serve}, {@code train}) from configuration. */
@ApplicationScoped
public class NodeIdentity {

  @Inject Config config;

  public String name() {
    return config
        .getOptionalValue(Settings.NODE_NAME, String.class)
        .filter(n -> !n.isBlank())
        .orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName());
  }

  public Set<String> roles() {
    String roles = config.getOptionalValue(Settings.NODE_ROLES, String.class).orElse("serve");
    Set<String> result = new TreeSet<>();
    Arrays.stream(roles.split(","))
        .map(r -> r.trim().toLowerCase(Locale.ROOT))
        .filter(r -> !r.isEmpty())
        .forEach(result::add);
    return result;
  }

  public boolean has(String role) {
    return roles().contains(role);
  }
}
