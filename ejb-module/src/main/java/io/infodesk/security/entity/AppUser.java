package io.infodesk.security.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A person who signs in. Roles say what they may do; domains say where an owner or SME may do it.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(
    name = AppUser.FIND_BY_USERNAME,
    query = "SELECT u FROM AppUser u WHERE u.username = :username")
@NamedQuery(name = AppUser.FIND_ALL, query = "SELECT u FROM AppUser u ORDER BY u.username")
@NamedQuery(
    name = AppUser.COUNT_WITH_ROLE,
    query = "SELECT COUNT(u) FROM AppUser u JOIN u.roles r WHERE r = :role AND u.enabled = TRUE")
public class AppUser {
  public static final String FIND_BY_USERNAME = "AppUser.findByUsername";
  public static final String FIND_ALL = "AppUser.findAll";
  public static final String COUNT_WITH_ROLE = "AppUser.countWithRole";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  private String username;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "password_hash")
  private String passwordHash;

  private boolean enabled;

  @Column(name = "created_at")
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role_name")
  @Convert(converter = RoleConverter.class)
  private Set<Role> roles = new HashSet<>();

  /** The keys of the user's domains (the union of their roles' domains), for display. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "domain_assignment", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "domain_key")
  private Set<String> domainKeys = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "scoped_domain", joinColumns = @JoinColumn(name = "user_id"))
  private Set<ScopedDomain> scoped = new HashSet<>();

  protected AppUser() {}

  public AppUser(String username, String displayName, String passwordHash, Set<Role> roles) {
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.enabled = true;
    this.createdAt = Instant.now();
    this.roles = roles.isEmpty() ? new HashSet<>() : new HashSet<>(EnumSet.copyOf(roles));
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Set<Role> getRoles() {
    return Set.copyOf(roles);
  }

  public void setRoles(Set<Role> roles) {
    this.roles.clear();
    this.roles.addAll(roles);
  }

  public Set<String> getDomainKeys() {
    return Set.copyOf(domainKeys);
  }

  /** The domain keys the user may act on in {@code role} (knowledge-owner or sme). */
  public Set<String> domainKeysAs(String role) {
    Set<String> keys = new HashSet<>();
    scoped.stream().filter(s -> s.getRole().equals(role)).forEach(s -> keys.add(s.getDomainKey()));
    return keys;
  }

  /** Replaces the domains of one role. */
  public void setScopedDomains(String role, Set<String> keys) {
    scoped.removeIf(s -> s.getRole().equals(role));
    keys.forEach(k -> scoped.add(new ScopedDomain(role, k)));
  }

  public void setDomainKeys(Set<String> keys) {
    this.domainKeys.clear();
    this.domainKeys.addAll(keys);
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }
}
