package io.infodesk.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal bearer token for /api/**. Only the SHA-256 of the secret is kept. */
@Entity
@Table(name = "api_token")
@NamedQuery(
    name = ApiToken.IDENTITY_BY_HASH,
    query =
        "SELECT u.username, r, t.revoked, u.enabled, t.expiresAt FROM ApiToken t JOIN t.user u LEFT JOIN u.roles r WHERE t.tokenHash = :hash")
@NamedQuery(
    name = ApiToken.FIND_BY_USER,
    query = "SELECT t FROM ApiToken t WHERE t.user.username = :username ORDER BY t.createdAt DESC")
public class ApiToken {
  /** One row per role of the token's account: username, role, revoked, enabled, expires at. */
  public static final String IDENTITY_BY_HASH = "ApiToken.identityByHash";

  public static final String FIND_BY_USER = "ApiToken.findByUser";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "user_id")
  private AppUser user;

  private String label;

  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  private boolean revoked;

  protected ApiToken() {}

  public ApiToken(AppUser user, String label, String tokenHash, Instant expiresAt) {
    this.user = user;
    this.label = label;
    this.tokenHash = tokenHash;
    this.createdAt = Instant.now();
    this.expiresAt = expiresAt;
  }

  public boolean isUsableAt(Instant now) {
    return usable(revoked, user.isEnabled(), expiresAt, now);
  }

  /** Whether a token with these facts authenticates at {@code now}. */
  public static boolean usable(
      boolean revoked, boolean accountEnabled, Instant expiresAt, Instant now) {
    return !revoked && accountEnabled && (expiresAt == null || now.isBefore(expiresAt));
  }

  public void revoke() {
    revoked = true;
  }

  public Long getId() {
    return id;
  }

  public AppUser getUser() {
    return user;
  }

  public String getLabel() {
    return label;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public boolean isRevoked() {
    return revoked;
  }
}
