package io.infodesk.routing.boundary;

import io.infodesk.knowledge.entity.Domain;
import io.infodesk.knowledge.entity.DomainsChanged;
import io.infodesk.platform.boundary.EmbeddingService;
import io.infodesk.platform.control.Jsons;
import io.infodesk.platform.control.LlmEndpoint;
import io.infodesk.platform.control.MiniLmEmbedder;
import io.infodesk.platform.control.Settings;
import io.infodesk.routing.control.ZeroShotRouter;
import io.infodesk.routing.entity.ModelStatus;
import io.infodesk.routing.entity.RegistryChanged;
import io.infodesk.routing.entity.RouteDecision;
import io.infodesk.routing.entity.RouterModel;
import io.infodesk.routing.model.LinearHead;
import io.infodesk.routing.model.LlmRouter;
import io.infodesk.routing.model.NgramFeaturizer;
import io.infodesk.routing.model.Router;
import io.infodesk.routing.model.StudentRouter;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Holds the live router. Today that is a teacher: the LLM router when an endpoint is configured
 * (falling back to zero-shot on failure), else the zero-shot router. The zero-shot router is built
 * from the domains' descriptions and exemplars and rebuilt whenever they change.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoutingService {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(RoutingService.class.getName());

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject io.infodesk.knowledge.boundary.DomainDirectory domains;
  @EJB EmbeddingService embeddings;
  @Inject LlmEndpoint llm;
  @Inject Config config;

  private volatile ZeroShotRouter zeroShot;
  private volatile StudentRouter student;
  private volatile Long studentId;
  private volatile long checkedAt;
  private volatile List<StudentRouter> shadows = List.of();

  /** The SHADOW models loaded on this node, by id (guarded by this). */
  private final java.util.Map<Long, StudentRouter> loadedShadows = new java.util.HashMap<>();

  private volatile String zeroShotBuiltFrom;
  private volatile long domainsCheckedAt;

  /** Forgets the built routers; the next question rebuilds them from the current domains. */
  public void invalidate() {
    zeroShot = null;
  }

  /** A domain changed on this node: the zero-shot router is built again for the next question. */
  public void domainsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainsChanged e) {
    invalidate();
  }

  /**
   * What the zero-shot router is built from, in one cheap query: the active domains' count and
   * their newest change. Every node compares it every few seconds, so a description or exemplars
   * saved on another node reach this node's routing within that time.
   */
  private String domainsFingerprint() {
    return domains.activeStamp();
  }

  /** Drops the zero-shot router when another node changed the domains since it was built. */
  private void checkDomains() {
    long now = System.nanoTime();
    if (zeroShot == null || now - domainsCheckedAt < Settings.PEER_CHANGES_CHECK_NANOS) {
      return;
    }
    domainsCheckedAt = now;
    if (!domainsFingerprint().equals(zeroShotBuiltFrom)) {
      zeroShot = null;
    }
  }

  public RouteDecision route(String question, float[] questionVector) {
    StudentRouter active = activeStudent();
    if (active != null) {
      return active.route(question, questionVector);
    }
    ZeroShotRouter teacher = zeroShot();
    if (teacher == null) {
      return new RouteDecision(
          null, 0, "no-domains", 0, "no active domain exists", java.util.Map.of());
    }
    if (llm.isConfigured()) {
      return llmRouter(teacher).route(question);
    }
    long start = System.nanoTime();
    RouteDecision d = teacher.route(questionVector);
    return new RouteDecision(
        d.domain(),
        d.confidence(),
        d.routerVersion(),
        (System.nanoTime() - start) / 1000,
        null,
        d.scores());
  }

  /** The teacher: the LLM router with an endpoint (zero-shot as its fallback), else zero-shot. */
  public Router teacher() {
    ZeroShotRouter z = zeroShot();
    if (z == null) {
      throw new IllegalStateException("no active domain exists");
    }
    return llm.isConfigured() ? llmRouter(z) : z;
  }

  /** The live router: the promoted student if there is one, else the teacher. */
  public Router activeRouter() {
    StudentRouter s = activeStudent();
    return s != null ? s : teacher();
  }

  /** Makes the next question re-read the registry at once (after promote, shadow or rollback). */
  public void registryChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) RegistryChanged e) {
    checkedAt = 0;
  }

  /**
   * The ACTIVE student from the registry. Every node re-reads the registry at most every few
   * seconds, so a promotion or rollback reaches the whole cluster within that time.
   */
  private StudentRouter activeStudent() {
    long now = System.nanoTime();
    if (checkedAt != 0 && now - checkedAt < Settings.PEER_CHANGES_CHECK_NANOS) {
      return student;
    }
    synchronized (this) {
      if (checkedAt != 0 && now - checkedAt < Settings.PEER_CHANGES_CHECK_NANOS) {
        return student; // another request re-read the registry while this one waited
      }
      // ids first: a model's weights (megabytes) are read once, when it becomes live on this node
      Long activeId = null;
      List<Long> shadowIds = new java.util.ArrayList<>();
      for (Object[] row :
          em.createNamedQuery(RouterModel.FIND_LIVE_IDS, Object[].class)
              .setParameter("statuses", List.of(ModelStatus.ACTIVE, ModelStatus.SHADOW))
              .getResultList()) {
        if (row[1] == ModelStatus.ACTIVE && activeId == null) {
          activeId = (Long) row[0];
        } else if (row[1] == ModelStatus.SHADOW) {
          shadowIds.add((Long) row[0]);
        }
      }
      if (activeId == null) {
        student = null;
        studentId = null;
      } else if (!activeId.equals(studentId)) {
        student = load(em.find(RouterModel.class, activeId));
        studentId = activeId;
      }
      loadedShadows.keySet().retainAll(shadowIds);
      for (Long id : shadowIds) {
        if (!loadedShadows.containsKey(id)) {
          loadedShadows.put(id, load(em.find(RouterModel.class, id)));
        }
      }
      shadows = shadowIds.stream().map(loadedShadows::get).toList();
      checkedAt = now;
      return student;
    }
  }

  /**
   * What the SHADOW models say about a question, as JSON {@code [{version, domain, confidence}]},
   * for the interaction log; they never answer.
   */
  public String shadowPredictions(String question, float[] questionVector) {
    activeStudent();
    jakarta.json.JsonArrayBuilder out = Jsons.JSON.createArrayBuilder();
    for (StudentRouter s : shadows) {
      RouteDecision d = s.route(question, questionVector);
      jakarta.json.JsonObjectBuilder p =
          Jsons.JSON
              .createObjectBuilder()
              .add("version", s.version())
              .add("confidence", d.confidence());
      if (d.domain() == null) {
        p.addNull("domain");
      } else {
        p.add("domain", d.domain());
      }
      out.add(p);
    }
    return out.build().toString();
  }

  private StudentRouter load(RouterModel m) {
    LinearHead head = LinearHead.fromBytes(m.getWeights());
    boolean embeds = !m.getArchitecture().equals("ngram");
    if (embeds && embeddings.isReady()) {
      String now = embeddings.modelVersion();
      // a student from before V19 recorded models was trained on the full model's vectors
      boolean other =
          m.getEmbeddingModel() == null
              ? !embeddings.modelName().equals(MiniLmEmbedder.FULL)
              : !now.equals(m.getEmbeddingModel());
      if (other) {
        // served all the same: the two MiniLMs' vectors are close, and the teacher is worse
        LOG.warning(
            "Router "
                + m.getVersion()
                + " was trained on vectors of "
                + (m.getEmbeddingModel() == null ? MiniLmEmbedder.FULL : m.getEmbeddingModel())
                + ", this node embeds with "
                + now
                + "; the next flywheel cycle trains students on this node's vectors");
      }
    }
    return new StudentRouter(
        m.getVersion(),
        List.of(m.getLabels().split(",")),
        head,
        m.getThreshold(),
        embeds ? null : new NgramFeaturizer(head.inputs()),
        embeddings::embed);
  }

  /** The zero-shot router's version and threshold, for the API and the portal. */
  public Optional<ZeroShotRouter> zeroShotRouter() {
    return Optional.ofNullable(zeroShot());
  }

  private Router llmRouter(ZeroShotRouter fallback) {
    List<LlmRouter.DomainCard> cards = new ArrayList<>();
    for (Domain d : active()) {
      cards.add(new LlmRouter.DomainCard(d.getKey(), d.getName(), d.getDescription()));
    }
    return new LlmRouter(
        cards, (system, user) -> llm.complete(system, user, true, 60), fallback, llm.model());
  }

  private ZeroShotRouter zeroShot() {
    checkDomains();
    ZeroShotRouter current = zeroShot;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (zeroShot == null) {
        // read before the domains, so that a change made while building is seen at the next check
        String fingerprint = domainsFingerprint();
        domainsCheckedAt = System.nanoTime();
        List<Domain> domains = active();
        if (domains.isEmpty()) {
          return null;
        }
        List<ZeroShotRouter.DomainEvidence> evidence = new ArrayList<>();
        for (Domain d : domains) {
          List<String> texts = new ArrayList<>(d.getExemplars());
          texts.add(d.routingText());
          float[][] vectors = embeddings.embedAll(texts);
          evidence.add(
              new ZeroShotRouter.DomainEvidence(
                  d.getKey(),
                  vectors[vectors.length - 1],
                  List.of(vectors).subList(0, vectors.length - 1)));
        }
        zeroShot =
            new ZeroShotRouter(
                evidence,
                embeddings::embed,
                config
                    .getOptionalValue("infodesk.routing.zero-shot.threshold", Double.class)
                    .orElse(null),
                config
                    .getOptionalValue("infodesk.routing.zero-shot.percentile", Double.class)
                    .orElse(0.05));
        zeroShotBuiltFrom = fingerprint;
      }
      return zeroShot;
    }
  }

  private List<Domain> active() {
    return domains.active();
  }
}
