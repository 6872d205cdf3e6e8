package io.infodesk.portal.admin;

import io.infodesk.knowledge.boundary.DomainService;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.portal.shell.Messages;
import io.infodesk.portal.shell.Shell;
import io.infodesk.security.boundary.UserService;
import io.infodesk.security.entity.AppUser;
import io.infodesk.security.entity.NewUser;
import io.infodesk.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Accounts and their domain assignments; creating an account. {@link UserService} re-checks. */
@Named
@ViewScoped
public class UsersPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB UserService users;
  @EJB DomainService domainService;
  @Inject Shell shell;

  private boolean allowed;
  private List<AppUser> accounts = List.of();
  private List<Domain> domains = List.of();
  private final Map<String, List<String>> assigned = new HashMap<>();
  private String username;
  private String displayName;
  private String password;
  private List<String> roles = new ArrayList<>(List.of(Role.EMPLOYEE_NAME));
  private List<String> newDomains = new ArrayList<>();

  @PostConstruct
  void load() {
    allowed = shell.mayOpenThisPage();
    if (allowed) {
      accounts = users.list();
      domains = domainService.list();
      assigned.clear();
      for (AppUser u : accounts) {
        assigned.put(
            u.getUsername(), new ArrayList<>(u.getDomainKeys().stream().sorted().toList()));
      }
    }
  }

  public void saveDomains(String user) {
    try {
      users.assignDomains(user, assigned.get(user));
      Messages.info("Domains of " + user + " saved.");
      load();
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  public void create() {
    try {
      AppUser u =
          users.create(new NewUser(username, displayName, password, roles, newDomains, null, null));
      Messages.info("Account " + u.getUsername() + " created.");
      username = null;
      displayName = null;
      password = null;
      roles = new ArrayList<>(List.of(Role.EMPLOYEE_NAME));
      newDomains = new ArrayList<>();
      load();
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  public String rolesOf(AppUser u) {
    return String.join(", ", u.getRoles().stream().map(Role::wireName).sorted().toList());
  }

  public List<String> getAllRoles() {
    return List.of(Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME);
  }

  public boolean isAllowed() {
    return allowed;
  }

  public List<AppUser> getAccounts() {
    return accounts;
  }

  public List<Domain> getDomains() {
    return domains;
  }

  public Map<String, List<String>> getAssigned() {
    return assigned;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }

  public List<String> getNewDomains() {
    return newDomains;
  }

  public void setNewDomains(List<String> newDomains) {
    this.newDomains = newDomains;
  }
}
