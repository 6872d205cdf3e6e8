package io.infodesk.security.boundary;

import io.infodesk.platform.entity.ForbiddenException;
import io.infodesk.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.Set;

/**
 * Domain scope of the caller: admins act on every domain, knowledge owners and SMEs only on the
 * domains assigned to them in that role. Services call it before acting; it throws when the caller
 * may not.
 */
@Stateless
@PermitAll
@DeclareRoles({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
public class DomainScope {

  @Resource SessionContext context;
  @EJB UserService users;

  public String caller() {
    return context.getCallerPrincipal().getName();
  }

  public boolean isAdmin() {
    return context.isCallerInRole(Role.ADMIN_NAME);
  }

  public boolean hasRole(String role) {
    return context.isCallerInRole(role);
  }

  /** The caller's assigned domain keys. */
  public Set<String> domains() {
    return users.domainKeysOf(caller());
  }

  /** The domain keys the caller may act on in {@code role} (knowledge-owner or sme). */
  public Set<String> domains(String role) {
    return context.isCallerInRole(role) ? users.domainKeysOf(caller(), role) : Set.of();
  }

  /**
   * Admin, or a caller with {@code role} assigned to {@code domainKey} in that role: owning a
   * domain does not make one its SME, nor the other way round.
   */
  public boolean may(String role, String domainKey) {
    return isAdmin() || domains(role).contains(domainKey);
  }

  public void require(String role, String domainKey) {
    if (!may(role, domainKey)) {
      throw new ForbiddenException("domain '" + domainKey + "' is not one of your domains");
    }
  }
}
