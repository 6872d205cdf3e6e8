package io.infodesk.security.entity;

import java.util.List;

/**
 * Who the caller is: name, roles and the domains they are assigned to. The bean-style getters are
 * for Faces EL, which does not read record components.
 */
public record CallerProfile(
    String name, String displayName, List<String> roles, List<DomainRef> domains) {

  public String getName() {
    return name;
  }

  public String getDisplayName() {
    return displayName;
  }

  public List<String> getRoles() {
    return roles;
  }

  public List<DomainRef> getDomains() {
    return domains;
  }

  /** A domain as others see it: its key and name. */
  public record DomainRef(String key, String name) {
    public String getKey() {
      return key;
    }

    public String getName() {
      return name;
    }
  }
}
