package io.infodesk.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One domain a user may act on in one role: owner of it, or SME of it. */
@Embeddable
public class ScopedDomain {

  @Column(name = "role_name", nullable = false, length = 40)
  private String role;

  @Column(name = "domain_key", nullable = false, length = 60)
  private String domainKey;

  protected ScopedDomain() {}

  public ScopedDomain(String role, String domainKey) {
    this.role = role;
    this.domainKey = domainKey;
  }

  public String getRole() {
    return role;
  }

  public String getDomainKey() {
    return domainKey;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScopedDomain s && s.role.equals(role) && s.domainKey.equals(domainKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, domainKey);
  }
}
