package io.infodesk.portal.shell;

import io.infodesk.security.boundary.UserService;
import io.infodesk.security.entity.CallerProfile;
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
