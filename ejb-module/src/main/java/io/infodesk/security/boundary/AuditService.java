package io.infodesk.security.boundary;

import io.infodesk.platform.entity.Audited;
import io.infodesk.security.entity.AuditEntry;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The audit log. Every privileged action fires {@link Audited}, which this service records in the
 * firing transaction, so an action and its audit entry commit or roll back together. Callers
 * outside a transaction (a failed sign-in, a started cycle) use {@link #recordNow}.
 */
@Stateless
public class AuditService {

  public static final String SYSTEM = "system";

  @PersistenceContext EntityManager em;
  @Resource SessionContext context;

  /** Records an action in the transaction of the change that fired it. */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void audited(@Observes Audited a) {
    em.persist(new AuditEntry(actor(), a.action(), a.targetType(), a.targetId(), a.detail()));
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
