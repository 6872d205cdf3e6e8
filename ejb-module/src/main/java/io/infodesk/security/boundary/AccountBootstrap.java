package io.infodesk.security.boundary;

import io.infodesk.platform.control.Settings;
import io.infodesk.security.control.PasswordHasher;
import io.infodesk.security.entity.AppUser;
import io.infodesk.security.entity.AuditEntry;
import io.infodesk.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Creates the accounts that let someone sign in on a fresh database: in demo mode one demo account
 * per role (knowledge creates the demo domains they are assigned to: {@code DemoDomains}),
 * otherwise the first admin from the bootstrap settings. Both are idempotent, so restarts change
 * nothing. A start with demo mode off disables every account demo mode created (their password is
 * public), logs it and audits it; a later demo start enables them again.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class AccountBootstrap {

  private static final Logger LOG = Logger.getLogger(AccountBootstrap.class.getName());

  /** The demo accounts: user name → roles and domains. The password of each is "demo". */
  static final Map<String, DemoAccount> DEMO_ACCOUNTS = new LinkedHashMap<>();

  record DemoAccount(String displayName, Set<Role> roles, List<String> domains) {}

  static {
    DEMO_ACCOUNTS.put(
        "employee", new DemoAccount("Erin Employee", EnumSet.of(Role.EMPLOYEE), List.of()));
    DEMO_ACCOUNTS.put(
        "owner",
        new DemoAccount(
            "Olga Owner", EnumSet.of(Role.EMPLOYEE, Role.KNOWLEDGE_OWNER), List.of("hr", "it")));
    DEMO_ACCOUNTS.put(
        "sme",
        new DemoAccount("Sam SME", EnumSet.of(Role.EMPLOYEE, Role.SME), List.of("hr", "it")));
    DEMO_ACCOUNTS.put(
        "admin", new DemoAccount("Ada Admin", EnumSet.of(Role.EMPLOYEE, Role.ADMIN), List.of()));
  }

  public static final String DEMO_PASSWORD = "demo";

  @PersistenceContext EntityManager em;
  @Inject Config config;
  @Inject PasswordHasher hasher;

  @PostConstruct
  void bootstrap() {
    if (config.getOptionalValue(Settings.DEMO, Boolean.class).orElse(false)) {
      seedDemo();
    } else {
      disableDemoAccounts();
      bootstrapAdmin();
    }
  }

  /** The user names demo mode created, as its audit entries record them. */
  private List<String> createdByDemo() {
    return em.createQuery(
            "SELECT a.targetId FROM AuditEntry a WHERE a.action = 'DEMO_USER_CREATED'",
            String.class)
        .getResultList();
  }

  private void disableDemoAccounts() {
    List<String> disabled = new java.util.ArrayList<>();
    for (String username : createdByDemo()) {
      AppUser user = findUser(username);
      if (user != null && user.isEnabled()) {
        user.setEnabled(false);
        em.persist(
            new AuditEntry(
                AuditService.SYSTEM,
                "DEMO_USER_DISABLED",
                "user",
                username,
                "demo mode is off (" + Settings.DEMO + "=false)"));
        disabled.add(username);
      }
    }
    if (!disabled.isEmpty()) {
      LOG.warning(
          "Demo mode is off ("
              + Settings.DEMO
              + "=false): disabled the accounts demo mode created, whose password is public: "
              + disabled
              + ". Create real accounts (see docs/operations.md, the first admin).");
    }
  }

  private void seedDemo() {
    DEMO_ACCOUNTS.forEach(
        (username, account) -> {
          AppUser existing = findUser(username);
          if (existing != null && !existing.isEnabled() && createdByDemo().contains(username)) {
            existing.setEnabled(true);
            em.persist(
                new AuditEntry(AuditService.SYSTEM, "DEMO_USER_ENABLED", "user", username, null));
          }
          if (existing == null) {
            AppUser user =
                new AppUser(
                    username, account.displayName(), hasher.hash(DEMO_PASSWORD), account.roles());
            user.setDomainKeys(Set.copyOf(account.domains()));
            for (Role role : List.of(Role.KNOWLEDGE_OWNER, Role.SME)) {
              if (account.roles().contains(role)) {
                user.setScopedDomains(role.wireName(), Set.copyOf(account.domains()));
              }
            }
            em.persist(user);
            em.persist(
                new AuditEntry(AuditService.SYSTEM, "DEMO_USER_CREATED", "user", username, null));
          }
        });
    String url =
        config.getOptionalValue(Settings.PUBLIC_URL, String.class).orElse("http://127.0.0.1:8080");
    StringBuilder banner = new StringBuilder("\n\n  InfoDesk is running in DEMO mode\n");
    banner.append("    Portal:   ").append(url).append("/portal/\n");
    banner
        .append("    API:      ")
        .append(url)
        .append("/api/me  (OpenAPI: ")
        .append(url)
        .append("/openapi)\n");
    banner
        .append("    Health:   ")
        .append(url)
        .append("/health   Metrics: ")
        .append(url)
        .append("/metrics\n");
    banner.append("  Demo accounts (password \"").append(DEMO_PASSWORD).append("\"):\n");
    DEMO_ACCOUNTS.forEach(
        (username, account) ->
            banner
                .append("    ")
                .append(String.format("%-9s", username))
                .append(account.roles().stream().map(Role::wireName).sorted().toList())
                .append(account.domains().isEmpty() ? "" : " domains " + account.domains())
                .append('\n'));
    LOG.info(banner.toString());
  }

  private void bootstrapAdmin() {
    String username =
        config.getOptionalValue(Settings.BOOTSTRAP_ADMIN_USER, String.class).orElse("");
    String password =
        config.getOptionalValue(Settings.BOOTSTRAP_ADMIN_PASSWORD, String.class).orElse("");
    long admins =
        em.createNamedQuery(AppUser.COUNT_WITH_ROLE, Long.class)
            .setParameter("role", Role.ADMIN)
            .getSingleResult();
    if (admins > 0) {
      return;
    }
    if (username.isBlank() || password.isBlank()) {
      LOG.warning(
          "No admin account exists. Set "
              + Settings.BOOTSTRAP_ADMIN_USER
              + " and "
              + Settings.BOOTSTRAP_ADMIN_PASSWORD
              + " for one start to create the first admin (see docs/operations.md).");
      return;
    }
    if (findUser(username) != null) {
      LOG.warning("Bootstrap admin '" + username + "' exists without the admin role; not changed.");
      return;
    }
    em.persist(
        new AppUser(
            username, username, hasher.hash(password), EnumSet.of(Role.ADMIN, Role.EMPLOYEE)));
    em.persist(new AuditEntry(AuditService.SYSTEM, "ADMIN_BOOTSTRAPPED", "user", username, null));
    LOG.info(
        "Created the first admin account '"
            + username
            + "'. Remove the bootstrap password setting now.");
  }

  private AppUser findUser(String username) {
    return em.createNamedQuery(AppUser.FIND_BY_USERNAME, AppUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
