package io.infodesk.answering.boundary;

import io.infodesk.answering.entity.Interaction;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Employees' own history of questions; admins may read any interaction. */
@Stateless
@DeclareRoles({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
public class InteractionService {

  @PersistenceContext EntityManager em;
  @Resource SessionContext context;

  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public Interaction get(long id) {
    Interaction i = em.find(Interaction.class, id);
    if (i == null
        || (!i.getAskedBy().equals(context.getCallerPrincipal().getName())
            && !context.isCallerInRole(Role.ADMIN_NAME))) {
      throw new UnknownEntityException("no interaction " + id + " of yours");
    }
    return i;
  }

  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public List<Interaction> mine(int first, int max) {
    return em.createNamedQuery(Interaction.FIND_BY_ASKER, Interaction.class)
        .setParameter("user", context.getCallerPrincipal().getName())
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }
}
