package io.infodesk.flywheel.control;

import io.infodesk.flywheel.entity.CycleEnded;
import io.infodesk.flywheel.entity.FlywheelCycle;
import io.infodesk.platform.control.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;

/** Writes the cycle record, each change in its own transaction, so progress is visible at once. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class CycleRecords {

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<CycleEnded> ended;

  public FlywheelCycle create(String trigger, String node) {
    FlywheelCycle c = new FlywheelCycle(trigger, node);
    em.persist(c);
    em.flush();
    return c;
  }

  public void step(
      long cycleId,
      String step,
      String status,
      Instant started,
      Instant finished,
      String detail,
      JsonObject funnel) {
    FlywheelCycle c = em.find(FlywheelCycle.class, cycleId, LockModeType.PESSIMISTIC_WRITE);
    JsonObjectBuilder s = Jsons.JSON.createObjectBuilder(read(c.getSteps()));
    JsonObjectBuilder one =
        Jsons.JSON.createObjectBuilder().add("status", status).add("startedAt", started.toString());
    if (finished != null) {
      one.add("finishedAt", finished.toString())
          .add("millis", finished.toEpochMilli() - started.toEpochMilli());
    }
    if (detail != null) {
      one.add("detail", detail.length() > 1000 ? detail.substring(0, 1000) : detail);
    }
    s.add(step, one);
    JsonObjectBuilder f = Jsons.JSON.createObjectBuilder(read(c.getFunnel()));
    if (funnel != null) {
      funnel.forEach(f::add);
    }
    c.progress(s.build().toString(), f.build().toString());
  }

  /** When the cycle started: models created since were trained by it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Instant startedAt(long cycleId) {
    return em.find(FlywheelCycle.class, cycleId).getStartedAt();
  }

  public void finish(long cycleId, boolean ok, String failure) {
    FlywheelCycle c = em.find(FlywheelCycle.class, cycleId, LockModeType.PESSIMISTIC_WRITE);
    if (!ok) {
      // a step that was still running when the cycle ended did not finish
      JsonObjectBuilder steps = Jsons.JSON.createObjectBuilder();
      read(c.getSteps())
          .forEach(
              (name, value) -> {
                JsonObject step = value.asJsonObject();
                steps.add(
                    name,
                    "RUNNING".equals(step.getString("status", ""))
                        ? Jsons.JSON.createObjectBuilder(step).add("status", "FAILED")
                        : Jsons.JSON.createObjectBuilder(step));
              });
      c.progress(steps.build().toString(), c.getFunnel());
    }
    c.finish(ok, failure);
    java.util.Map<String, Long> millis = new java.util.LinkedHashMap<>();
    read(c.getSteps())
        .forEach(
            (name, value) -> {
              JsonObject step = value.asJsonObject();
              if (step.containsKey("millis")) {
                millis.put(name, step.getJsonNumber("millis").longValue());
              }
            });
    ended.fire(new CycleEnded(c.getTrigger(), c.getStatus(), millis));
  }

  public static JsonObject read(String json) {
    try (var reader =
        Jsons.JSON.createReader(new StringReader(json == null || json.isBlank() ? "{}" : json))) {
      return reader.readObject();
    }
  }
}
