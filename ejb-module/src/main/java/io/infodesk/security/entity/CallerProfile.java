package io.infodesk.security.entity;

import java.util.List;

/** Who the caller is: name, roles and the domains they are assigned to. */
public record CallerProfile(
    String name, String displayName, List<String> roles, List<DomainRef> domains) {

  /** A domain as others see it: its key and name. */
  public record DomainRef(String key, String name) {}
}
