package io.infodesk.security.boundary;

import io.infodesk.security.entity.AuditEntry;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The audit log. Every privileged action records itself here in the caller's transaction, so an
 * action and its audit entry commit or roll back together.
 */
@Stateless
public class AuditService {

  public static final String SYSTEM = "system";

  @PersistenceContext EntityManager em;
  @Resource SessionContext context;

  @PermitAll
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(String action, String targetType, String targetId, String detail) {
    em.persist(new AuditEntry(actor(), action, targetType, targetId, detail));
  }

  /** For callers outside a transaction: the entry commits on its own. */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordNow(String action, String targetType, String targetId, String detail) {
    em.persist(new AuditEntry(actor(), action, targetType, targetId, detail));
  }

  @RolesAllowed("admin")
  public List<AuditEntry> recent(int first, int max) {
    return em.createNamedQuery(AuditEntry.FIND_RECENT, AuditEntry.class)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(max, 500)))
        .getResultList();
  }

  @RolesAllowed("admin")
  public long count() {
    return em.createNamedQuery(AuditEntry.COUNT_ALL, Long.class).getSingleResult();
  }

  private String actor() {
    String name = context.getCallerPrincipal().getName();
    return name == null || "ANONYMOUS".equals(name) ? SYSTEM : name;
  }
}
