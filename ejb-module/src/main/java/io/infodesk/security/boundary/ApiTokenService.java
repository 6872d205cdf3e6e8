package io.infodesk.security.boundary;

import io.infodesk.platform.entity.Audited;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.security.control.TokenCodec;
import io.infodesk.security.entity.ApiToken;
import io.infodesk.security.entity.AppUser;
import io.infodesk.security.entity.IssuedToken;
import io.infodesk.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Personal API tokens: issue, list, revoke, and the lookup that authenticates a bearer call. */
@Stateless
public class ApiTokenService {

  /** Who a valid token belongs to, as the authentication mechanism needs it. */
  public record TokenIdentity(String username, Set<String> roles) {}

  @PersistenceContext EntityManager em;
  @Resource SessionContext context;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<Audited> audited;

  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public IssuedToken issue(String label, Integer validDays) {
    if (label == null || label.isBlank() || label.length() > 100) {
      throw new InvalidInputException("label must have 1-100 characters");
    }
    if (validDays != null && (validDays < 1 || validDays > 365)) {
      throw new InvalidInputException("validDays must be between 1 and 365");
    }
    AppUser user = caller();
    String secret = TokenCodec.newSecret();
    Instant expires = Instant.now().plus(Duration.ofDays(validDays == null ? 90 : validDays));
    ApiToken token = new ApiToken(user, label.strip(), TokenCodec.digest(secret), expires);
    em.persist(token);
    em.flush();
    audited.fire(
        new Audited("API_TOKEN_ISSUED", "api-token", String.valueOf(token.getId()), label.strip()));
    return new IssuedToken(token.getId(), token.getLabel(), secret, expires);
  }

  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public List<ApiToken> mine() {
    return em.createNamedQuery(ApiToken.FIND_BY_USER, ApiToken.class)
        .setParameter("username", context.getCallerPrincipal().getName())
        .getResultList();
  }

  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public void revoke(long id) {
    ApiToken token = em.find(ApiToken.class, id);
    if (token == null
        || !token.getUser().getUsername().equals(context.getCallerPrincipal().getName())) {
      throw new UnknownEntityException("no token " + id);
    }
    token.revoke();
    audited.fire(
        new Audited("API_TOKEN_REVOKED", "api-token", String.valueOf(id), token.getLabel()));
  }

  /** An admin's view of any user's tokens (without their secrets). */
  @RolesAllowed(Role.ADMIN_NAME)
  public List<ApiToken> of(String username) {
    if (em.createNamedQuery(AppUser.FIND_BY_USERNAME, AppUser.class)
        .setParameter("username", username)
        .getResultList()
        .isEmpty()) {
      throw new UnknownEntityException("no user '" + username + "'");
    }
    return tokensOf(username);
  }

  private List<ApiToken> tokensOf(String username) {
    return em.createNamedQuery(ApiToken.FIND_BY_USER, ApiToken.class)
        .setParameter("username", username)
        .getResultList();
  }

  /** An admin revokes one of a user's tokens. */
  @RolesAllowed(Role.ADMIN_NAME)
  public void revokeOf(String username, long id) {
    ApiToken token = em.find(ApiToken.class, id);
    if (token == null || !token.getUser().getUsername().equals(username)) {
      throw new UnknownEntityException("no token " + id + " of " + username);
    }
    token.revoke();
    audited.fire(
        new Audited(
            "API_TOKEN_REVOKED",
            "api-token",
            String.valueOf(id),
            "of " + username + " by an admin"));
  }

  /**
   * Revokes every token of a user, when the account is disabled or its password changes.
   *
   * @return how many were still usable
   */
  @PermitAll
  public int revokeAll(String username, String why) {
    int revoked = 0;
    Instant now = Instant.now();
    for (ApiToken t : tokensOf(username)) {
      if (t.isUsableAt(now) || !t.isRevoked()) {
        revoked += t.isUsableAt(now) ? 1 : 0;
        t.revoke();
      }
    }
    if (revoked > 0) {
      audited.fire(
          new Audited("API_TOKENS_REVOKED", "user", username, revoked + " tokens: " + why));
    }
    return revoked;
  }

  /** Resolves a bearer secret; empty when it is unknown, revoked, expired or its user disabled. */
  @PermitAll
  public Optional<TokenIdentity> authenticate(String secret) {
    if (!TokenCodec.looksLikeToken(secret)) {
      return Optional.empty();
    }
    // one query for the token, its account and the account's roles: every API request asks this
    List<Object[]> rows =
        em.createNamedQuery(ApiToken.IDENTITY_BY_HASH, Object[].class)
            .setParameter("hash", TokenCodec.digest(secret))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] first = rows.get(0);
    if (!ApiToken.usable(
        (Boolean) first[2], (Boolean) first[3], (Instant) first[4], Instant.now())) {
      return Optional.empty();
    }
    Set<String> roles = new java.util.HashSet<>();
    for (Object[] row : rows) {
      if (row[1] != null) {
        roles.add(((Role) row[1]).wireName());
      }
    }
    return Optional.of(new TokenIdentity((String) first[0], roles));
  }

  private AppUser caller() {
    String name = context.getCallerPrincipal().getName();
    return em.createNamedQuery(AppUser.FIND_BY_USERNAME, AppUser.class)
        .setParameter("username", name)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new UnknownEntityException("no account for caller " + name));
  }
}
