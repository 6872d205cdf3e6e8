package io.infodesk.security.boundary;

import io.infodesk.platform.entity.Audited;
import io.infodesk.platform.entity.ConflictException;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.security.control.AccountRules;
import io.infodesk.security.control.PasswordHasher;
import io.infodesk.security.entity.AppUser;
import io.infodesk.security.entity.CallerProfile;
import io.infodesk.security.entity.NewUser;
import io.infodesk.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Accounts: the caller's own profile, and the admin's user management. */
@Stateless
@DeclareRoles({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
public class UserService {

  @PersistenceContext EntityManager em;
  @Resource SessionContext context;
  @Inject PasswordHasher hasher;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<Audited> audited;
  @EJB ApiTokenService tokens;
  @Inject DomainCatalog catalog;

  /** The caller's name, roles (as the container granted them) and assigned domains. */
  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public CallerProfile me() {
    String name = context.getCallerPrincipal().getName();
    List<String> roles = new ArrayList<>();
    for (Role role : Role.values()) {
      if (context.isCallerInRole(role.wireName())) {
        roles.add(role.wireName());
      }
    }
    Optional<AppUser> user = find(name);
    return new CallerProfile(
        name,
        user.map(AppUser::getDisplayName).orElse(name),
        roles,
        user.map(u -> domainRefs(u.getDomainKeys())).orElse(List.of()));
  }

  /**
   * The stored password hash of an enabled account, for the authentication mechanism's
   * verified-credential cache (a changed password or a disabled account misses it at once).
   */
  @PermitAll
  public Optional<String> activeHash(String username) {
    return find(username).filter(AppUser::isEnabled).map(AppUser::getPasswordHash);
  }

  /**
   * After a successful sign-in: re-hashes a password stored with fewer iterations than new hashes
   * get. Verifies the password itself, so it changes nothing for a wrong one.
   */
  @PermitAll
  public void rehashIfWeaker(String username, String password) {
    find(username)
        .filter(u -> hasher.weakerThanNow(u.getPasswordHash()))
        .filter(u -> hasher.verify(password, u.getPasswordHash()))
        .ifPresent(
            u -> {
              u.setPasswordHash(hasher.hash(password));
              audited.fire(
                  new Audited(
                      "PASSWORD_REHASHED", "user", username, hasher.iterations() + " iterations"));
            });
  }

  /** Domain keys assigned to a user, for scoping checks in other services. */
  @PermitAll
  public Set<String> domainKeysOf(String username) {
    Set<String> keys = new HashSet<>();
    find(username).ifPresent(u -> keys.addAll(u.getDomainKeys()));
    return keys;
  }

  @RolesAllowed(Role.ADMIN_NAME)
  public List<AppUser> list() {
    return em.createNamedQuery(AppUser.FIND_ALL, AppUser.class).getResultList();
  }

  /**
   * An admin disables (or enables again) an account; disabling revokes its API tokens at once. An
   * admin cannot disable their own account.
   */
  @RolesAllowed(Role.ADMIN_NAME)
  public AppUser setEnabled(String username, Boolean enabled) {
    if (enabled == null) {
      throw new InvalidInputException("send {\"enabled\": true or false}");
    }
    AppUser user =
        find(username).orElseThrow(() -> new UnknownEntityException("no user " + username));
    if (!enabled && username.equals(context.getCallerPrincipal().getName())) {
      throw new ConflictException("an admin cannot disable their own account");
    }
    user.setEnabled(enabled);
    audited.fire(new Audited(enabled ? "USER_ENABLED" : "USER_DISABLED", "user", username, null));
    if (!enabled) {
      tokens.revokeAll(username, "the account was disabled");
    }
    return user;
  }

  /**
   * The caller changes their own password, proving the current one; every API token of theirs is
   * revoked, since a changed password says the old secrets may be known.
   */
  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public void changePassword(String current, String replacement) {
    String name = context.getCallerPrincipal().getName();
    AppUser user = find(name).orElseThrow(() -> new UnknownEntityException("no user " + name));
    if (current == null || !hasher.verify(current, user.getPasswordHash())) {
      throw new InvalidInputException("currentPassword is not your current password");
    }
    AccountRules.checkPassword(replacement);
    if (replacement.equals(current)) {
      throw new InvalidInputException("newPassword must differ from the current one");
    }
    user.setPasswordHash(hasher.hash(replacement));
    audited.fire(new Audited("PASSWORD_CHANGED", "user", name, null));
    tokens.revokeAll(name, "the password changed");
  }

  @RolesAllowed(Role.ADMIN_NAME)
  public AppUser create(NewUser request) {
    if (request == null) {
      throw new InvalidInputException("a user needs username, displayName, password and roles");
    }
    AccountRules.checkUsername(request.username());
    AccountRules.checkPassword(request.password());
    if (find(request.username()).isPresent()) {
      throw new ConflictException("user '" + request.username() + "' already exists");
    }
    Set<Role> roles = roles(request.roles());
    String displayName =
        request.displayName() == null || request.displayName().isBlank()
            ? request.username()
            : request.displayName().strip();
    if (displayName.length() > 200) {
      throw new InvalidInputException("displayName must have at most 200 characters");
    }
    AppUser user =
        new AppUser(request.username(), displayName, hasher.hash(request.password()), roles);
    scope(user, request.domains(), request.ownerDomains(), request.smeDomains());
    em.persist(user);
    audited.fire(
        new Audited(
            "USER_CREATED",
            "user",
            user.getUsername(),
            "roles="
                + request.roles()
                + " owner of "
                + user.domainKeysAs(Role.KNOWLEDGE_OWNER_NAME)
                + " sme of "
                + user.domainKeysAs(Role.SME_NAME)));
    return user;
  }

  /**
   * Sets a user's domains per role: {@code owner} and {@code sme} where given, {@code all} for each
   * scoped role the user has otherwise; the user's domains are their union.
   */
  private void scope(AppUser user, List<String> all, List<String> owner, List<String> sme) {
    Set<String> union = new HashSet<>();
    for (Role role : List.of(Role.KNOWLEDGE_OWNER, Role.SME)) {
      List<String> given = role == Role.KNOWLEDGE_OWNER ? owner : sme;
      List<String> keys = given != null ? given : all;
      Set<String> checked = new HashSet<>();
      if (keys != null && user.getRoles().contains(role)) {
        checked.addAll(known(keys));
      } else if (given != null && !given.isEmpty()) {
        throw new InvalidInputException(
            "domains for " + role.wireName() + " need the " + role.wireName() + " role");
      }
      user.setScopedDomains(role.wireName(), checked);
      union.addAll(checked);
    }
    if (all != null) {
      union.addAll(known(all));
    }
    user.setDomainKeys(union);
  }

  @RolesAllowed(Role.ADMIN_NAME)
  public AppUser assignDomains(String username, List<String> domainKeys) {
    AppUser user =
        find(username).orElseThrow(() -> new UnknownEntityException("no user '" + username + "'"));
    scope(user, domainKeys, null, null);
    audited.fire(new Audited("USER_DOMAINS_ASSIGNED", "user", username, "domains=" + domainKeys));
    return user;
  }

  /** Replaces a user's domains per role (null leaves that role's domains as they are). */
  @RolesAllowed(Role.ADMIN_NAME)
  public AppUser assignScopedDomains(String username, List<String> owner, List<String> sme) {
    AppUser user =
        find(username).orElseThrow(() -> new UnknownEntityException("no user '" + username + "'"));
    scope(
        user,
        null,
        owner != null ? owner : List.copyOf(user.domainKeysAs(Role.KNOWLEDGE_OWNER_NAME)),
        sme != null ? sme : List.copyOf(user.domainKeysAs(Role.SME_NAME)));
    audited.fire(
        new Audited(
            "USER_DOMAINS_ASSIGNED", "user", username, "owner of " + owner + ", sme of " + sme));
    return user;
  }

  /** Domain keys a user may act on in one role, for scoping checks in other services. */
  @PermitAll
  public Set<String> domainKeysOf(String username, String role) {
    return find(username).map(u -> u.domainKeysAs(role)).orElse(Set.of());
  }

  private Optional<AppUser> find(String username) {
    return em.createNamedQuery(AppUser.FIND_BY_USERNAME, AppUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  private static Set<Role> roles(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new InvalidInputException(
          "roles must name at least one of employee, knowledge-owner, sme, admin");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      roles.add(
          Role.fromWireName(name)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "unknown role '"
                              + name
                              + "'; use employee, knowledge-owner, sme or admin")));
    }
    return roles;
  }

  /** The keys, each checked against the domains that exist. */
  private Set<String> known(List<String> keys) {
    Set<String> known = new HashSet<>();
    if (keys == null) {
      return known;
    }
    Map<String, String> names = catalog.names(keys);
    for (String key : keys) {
      if (!names.containsKey(key)) {
        throw new InvalidInputException("unknown domain '" + key + "'");
      }
      known.add(key);
    }
    return known;
  }

  /** A user's domains with their names, by key; a key whose domain is gone is left out. */
  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public List<CallerProfile.DomainRef> domainRefs(Collection<String> keys) {
    return catalog.names(keys.stream().sorted().toList()).entrySet().stream()
        .map(e -> new CallerProfile.DomainRef(e.getKey(), e.getValue()))
        .toList();
  }
}
