package io.infodesk.portal.shell;

import io.infodesk.security.boundary.UserService;
import io.infodesk.security.entity.CallerProfile;
import io.infodesk.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/** The frame around every portal page: who is signed in, which menus they get, and sign-out. */
@Named
@RequestScoped
public class Shell {

  @EJB UserService users;
  @Inject FacesContext faces;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private CallerProfile caller;

  @PostConstruct
  void load() {
    if (faces.getExternalContext().getUserPrincipal() != null) {
      caller = users.me();
    }
  }

  public CallerProfile getCaller() {
    return caller;
  }

  public boolean hasRole(String role) {
    return caller != null && caller.roles().contains(role);
  }

  /**
   * Who may open the pages of each folder under /portal/: the one rule behind every role page
   * (admins may open every folder). A page outside these folders is open to anyone signed in. The
   * services check the role and the domain again on every call.
   */
  static final Map<String, Set<String>> FOLDERS =
      Map.of(
          "owner", Set.of(Role.KNOWLEDGE_OWNER_NAME, Role.ADMIN_NAME),
          "sme", Set.of(Role.SME_NAME, Role.ADMIN_NAME),
          "admin", Set.of(Role.ADMIN_NAME));

  /** Whether the caller may open the page being shown, by its folder ({@link #FOLDERS}). */
  public boolean mayOpenThisPage() {
    return mayOpen(faces.getViewRoot().getViewId());
  }

  /** Whether the caller may open the page with this view id, such as /portal/admin/users.xhtml. */
  boolean mayOpen(String viewId) {
    if (caller == null) {
      return false;
    }
    String[] parts = viewId.split("/");
    Set<String> roles = parts.length >= 4 ? FOLDERS.get(parts[2]) : null;
    return roles == null || roles.stream().anyMatch(this::hasRole);
  }

  /** For tests: the shell of a signed-in caller. */
  static Shell of(CallerProfile caller) {
    Shell shell = new Shell();
    shell.caller = caller;
    return shell;
  }

  public String getInitials() {
    if (caller == null || caller.displayName() == null || caller.displayName().isBlank()) {
      return "?";
    }
    StringBuilder initials = new StringBuilder();
    for (String part : caller.displayName().split("\\s+")) {
      if (!part.isEmpty() && initials.length() < 2) {
        initials.append(Character.toUpperCase(part.charAt(0)));
      }
    }
    return initials.toString();
  }

  /** An instant as people read it, in UTC. */
  public String format(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  public void logout() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/portal/login.xhtml?signedOut=true");
  }
}
