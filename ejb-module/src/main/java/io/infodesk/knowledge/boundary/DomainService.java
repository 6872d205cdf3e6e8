package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.entity.Domain;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The knowledge domains that questions can be routed to. */
@Stateless
public class DomainService {

  @PersistenceContext EntityManager em;

  @RolesAllowed({Role.EMPLOYEE_NAME, Role.KNOWLEDGE_OWNER_NAME, Role.SME_NAME, Role.ADMIN_NAME})
  public List<Domain> list() {
    return em.createNamedQuery(Domain.FIND_ALL, Domain.class).getResultList();
  }
}
