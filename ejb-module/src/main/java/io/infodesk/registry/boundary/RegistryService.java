package io.infodesk.registry.boundary;

import io.infodesk.platform.control.Jsons;
import io.infodesk.platform.entity.Audited;
import io.infodesk.platform.entity.ConflictException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.routing.boundary.ModelStore;
import io.infodesk.routing.entity.ModelStatus;
import io.infodesk.routing.entity.RegistryChanged;
import io.infodesk.routing.entity.RouterModel;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Optional;

/**
 * The router model registry for admins: list versions, promote a candidate that passed its gates
 * (atomically: the old ACTIVE retires in the same transaction), and roll back to the previous model
 * in one action. Every change is audited; every node picks it up within seconds.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class RegistryService {

  @jakarta.inject.Inject ModelStore models;
  @jakarta.inject.Inject io.infodesk.answering.boundary.InteractionLog log;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<Audited> audited;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<RegistryChanged> changed;

  public List<RouterModel> list() {
    return models.all();
  }

  /**
   * Stores a training run's candidates (and the ones its gates rejected) in one short transaction,
   * with their audit entry; training itself runs outside any transaction. When the run has a
   * candidate, the earlier CANDIDATEs become SUPERSEDED: they were trained on less data and gated
   * against an older evaluation and live router (a SHADOW model an admin chose stays).
   */
  @jakarta.annotation.security.PermitAll
  public List<RouterModel> register(List<RouterModel> trained, String summary) {
    List<RouterModel> superseded =
        trained.stream().anyMatch(m -> m.getStatus() == ModelStatus.CANDIDATE)
            ? models.withStatus(ModelStatus.CANDIDATE)
            : List.of();
    superseded.forEach(m -> m.moveTo(ModelStatus.SUPERSEDED));
    models.add(trained);
    audited.fire(
        new Audited(
            "MODELS_TRAINED",
            "router-model",
            trained.stream().map(RouterModel::getVersion).toList().toString(),
            summary
                + (superseded.isEmpty()
                    ? ""
                    : "; superseded "
                        + superseded.stream().map(RouterModel::getVersion).toList())));
    return trained;
  }

  /**
   * The stamp that names a training run's models ({@code ngram-<stamp>}): {@code wanted} (the
   * second it starts), or the first later one that no stored model's version ends with, so that two
   * runs started within one second do not name their models alike.
   */
  @jakarta.annotation.security.PermitAll
  public long freeStamp(long wanted) {
    return firstFree(wanted, s -> models.anyVersionEndingWith("-" + s));
  }

  static long firstFree(long wanted, java.util.function.LongPredicate taken) {
    long stamp = wanted;
    while (taken.test(stamp)) {
      stamp++;
    }
    return stamp;
  }

  /** For the flywheel cycle when automatic promotion is configured. */
  @jakarta.annotation.security.PermitAll
  public RouterModel promoteForCycle(long id) {
    return promote(id);
  }

  public RouterModel promote(long id) {
    RouterModel model =
        models.lock(id).orElseThrow(() -> new UnknownEntityException("no router model " + id));
    if (model.getStatus() != ModelStatus.CANDIDATE && model.getStatus() != ModelStatus.SHADOW) {
      throw new ConflictException(
          "only a CANDIDATE or SHADOW model can be promoted; "
              + model.getVersion()
              + " is "
              + model.getStatus());
    }
    RouterModel current = active();
    if (current != null) {
      current.moveTo(ModelStatus.RETIRED);
    }
    model.activate(current == null ? null : current.getId());
    models.flush();
    audited.fire(
        new Audited(
            "MODEL_PROMOTED",
            "router-model",
            model.getVersion(),
            "replaces " + (current == null ? "the teacher" : current.getVersion())));
    changed.fire(new RegistryChanged(model.getVersion(), model.getStatus()));
    return model;
  }

  /** A candidate starts scoring live traffic beside the active router, without answering. */
  public RouterModel shadow(long id) {
    RouterModel model =
        models.lock(id).orElseThrow(() -> new UnknownEntityException("no router model " + id));
    if (model.getStatus() != ModelStatus.CANDIDATE) {
      throw new ConflictException(
          "only a CANDIDATE can go to shadow; " + model.getVersion() + " is " + model.getStatus());
    }
    model.moveTo(ModelStatus.SHADOW);
    audited.fire(new Audited("MODEL_SHADOWED", "router-model", model.getVersion(), null));
    changed.fire(new RegistryChanged(model.getVersion(), model.getStatus()));
    return model;
  }

  /** How often a model's shadow route agreed with the route that answered, over live traffic. */
  public record Agreement(String version, int compared, int agreed, double rate) {}

  public Agreement agreement(long id) {
    RouterModel model =
        models.find(id).orElseThrow(() -> new UnknownEntityException("no router model " + id));
    int compared = 0;
    int agreed = 0;
    for (io.infodesk.answering.entity.Interaction i : log.shadowedBy(model.getVersion())) {
      try (var reader =
          Jsons.JSON.createReader(new java.io.StringReader(i.getShadowPredictions()))) {
        for (var p : reader.readArray().getValuesAs(jakarta.json.JsonObject.class)) {
          if (p.getString("version").equals(model.getVersion())) {
            compared++;
            String shadowDomain = p.isNull("domain") ? null : p.getString("domain");
            agreed += java.util.Objects.equals(shadowDomain, i.getDomainKey()) ? 1 : 0;
          }
        }
      }
    }
    return new Agreement(
        model.getVersion(), compared, agreed, compared == 0 ? 0 : (double) agreed / compared);
  }

  /** Back to the model that was live before the current one (the teacher if none). */
  public String rollback() {
    RouterModel current = active();
    if (current == null) {
      throw new ConflictException("no promoted model is active; the teacher is already live");
    }
    current.moveTo(ModelStatus.RETIRED);
    String now = "teacher";
    if (current.getPreviousActiveId() != null) {
      RouterModel previous = models.find(current.getPreviousActiveId()).orElseThrow();
      previous.activate(previous.getPreviousActiveId());
      now = previous.getVersion();
    }
    models.flush();
    audited.fire(
        new Audited("MODEL_ROLLED_BACK", "router-model", current.getVersion(), "now live: " + now));
    changed.fire(new RegistryChanged(current.getVersion(), current.getStatus()));
    return now;
  }

  private RouterModel active() {
    return models.active(true).orElse(null);
  }

  /** The router that serves now and its last measured accuracy (NaN when never measured). */
  public record Live(String version, double accuracy) {}

  /** The live router: the ACTIVE student, or the teacher when there is none (for the metrics). */
  @jakarta.annotation.security.PermitAll
  public Live live() {
    // one row each, not every model with its weights: Prometheus reads this every few seconds
    Optional<RouterModel> active = models.active(false);
    if (active.isPresent()) {
      return new Live(active.get().getVersion(), accuracy(active.get().getMetrics(), false));
    }
    // the teacher's accuracy as the newest candidate's evaluation measured it
    return new Live(
        "teacher", models.newest().map(m -> accuracy(m.getMetrics(), true)).orElse(Double.NaN));
  }

  private static double accuracy(String metrics, boolean teacher) {
    if (metrics == null || metrics.isBlank()) {
      return Double.NaN;
    }
    try (var reader = Jsons.JSON.createReader(new java.io.StringReader(metrics))) {
      jakarta.json.JsonObject m = reader.readObject();
      if (teacher) {
        m = m.containsKey("teacher") ? m.getJsonObject("teacher") : null;
      }
      return m != null && m.get("accuracy") instanceof jakarta.json.JsonNumber n
          ? n.doubleValue()
          : Double.NaN;
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
