package io.infodesk.routing.boundary;

import io.infodesk.routing.entity.ModelStatus;
import io.infodesk.routing.entity.RouterModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The trained router models as the features above routing read and change them (the registry moves
 * them through their lifecycle, the flywheel and its dashboard read them), in the caller's
 * transaction: routing serves the models and owns their table, and no other feature queries it.
 */
@ApplicationScoped
public class ModelStore {

  @PersistenceContext EntityManager em;

  /** Every model, newest first. */
  public List<RouterModel> all() {
    return em.createNamedQuery(RouterModel.FIND_ALL, RouterModel.class).getResultList();
  }

  /** The newest model, if any. */
  public Optional<RouterModel> newest() {
    return em.createNamedQuery(RouterModel.FIND_ALL, RouterModel.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Whether a stored model's version ends with {@code suffix} (letters, digits and dashes). */
  public boolean anyVersionEndingWith(String suffix) {
    if (!suffix.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("not a version suffix: " + suffix);
    }
    return em.createNamedQuery(RouterModel.COUNT_VERSIONS_ENDING, Long.class)
            .setParameter("pattern", "%" + suffix)
            .getSingleResult()
        > 0;
  }

  public Optional<RouterModel> find(long id) {
    return Optional.ofNullable(em.find(RouterModel.class, id));
  }

  /** The model, locked until the caller's transaction ends (for a change of its status). */
  public Optional<RouterModel> lock(long id) {
    return Optional.ofNullable(em.find(RouterModel.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  /** The models with this status, newest first. */
  public List<RouterModel> withStatus(ModelStatus status) {
    return em.createNamedQuery(RouterModel.FIND_BY_STATUS, RouterModel.class)
        .setParameter("status", status)
        .getResultList();
  }

  /** The ACTIVE model, if any; locked until the caller's transaction ends when {@code lock}. */
  public Optional<RouterModel> active(boolean lock) {
    var query =
        em.createNamedQuery(RouterModel.FIND_BY_STATUS, RouterModel.class)
            .setParameter("status", ModelStatus.ACTIVE);
    if (lock) {
      // no row limit with the lock: H2 refuses FOR UPDATE before LIMIT (there is one ACTIVE row)
      query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
    } else {
      query.setMaxResults(1);
    }
    return query.getResultStream().findFirst();
  }

  /** Stores new models. */
  public void add(List<RouterModel> models) {
    models.forEach(em::persist);
    em.flush();
  }

  /** Writes the changes made to the models so far (status changes before their events). */
  public void flush() {
    em.flush();
  }
}
