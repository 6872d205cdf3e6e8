package io.infodesk.review.boundary;

import io.infodesk.answering.entity.Interaction;
import io.infodesk.feedback.entity.Feedback;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.platform.boundary.LlmEndpoint;
import io.infodesk.retrieval.boundary.EmbeddingService;
import io.infodesk.retrieval.boundary.SearchService;
import io.infodesk.retrieval.entity.Passage;
import io.infodesk.review.control.EmbeddedJudge;
import io.infodesk.review.control.Judge;
import io.infodesk.review.control.LlmJudge;
import io.infodesk.review.entity.ReviewItem;
import io.infodesk.review.entity.Verdict;
import io.infodesk.routing.boundary.RoutingService;
import io.infodesk.routing.control.Router;
import io.infodesk.routing.entity.RouteLabels;
import io.infodesk.security.boundary.AuditService;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Runs the judge over every rated interaction that was not satisfactory, plus a configurable,
 * reproducible sample of the satisfactory ones, and turns suspected misroutes into review items for
 * the SMEs. Interactions that already have a review item are not judged again.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class JudgeService {

  /** The funnel of one judging run. */
  public record Summary(
      int feedback,
      int unsatisfied,
      int judged,
      Map<Verdict.Attribution, Integer> attributions,
      int flagged,
      String judge) {}

  @PersistenceContext EntityManager em;
  @EJB EmbeddingService embeddings;
  @EJB SearchService search;
  @EJB RoutingService routing;
  @EJB AuditService audit;
  @Inject LlmEndpoint llm;
  @EJB io.infodesk.platform.boundary.RuntimeSettings settings;
  @Inject Config config;

  /**
   * The LLM judge when an endpoint is configured and {@code infodesk.judge.mode} is {@code auto}
   * (the default) or {@code llm}; the embedded judge otherwise, and as the LLM judge's fallback.
   */
  Judge chooseJudge(List<Domain> domains) {
    Judge embedded =
        new EmbeddedJudge(
            config
                .getOptionalValue("infodesk.answering.min-similarity", Double.class)
                .orElse(EmbeddedJudge.DEFAULT_FLOOR),
            config
                .getOptionalValue("infodesk.judge.misroute-margin", Double.class)
                .orElse(EmbeddedJudge.DEFAULT_MARGIN));
    String mode = settings.text("infodesk.judge.mode");
    if (mode.equals("embedded") || !llm.isConfigured()) {
      return embedded;
    }
    return new LlmJudge(
        domains.stream()
            .map(
                d ->
                    new io.infodesk.routing.control.LlmRouter.DomainCard(
                        d.getKey(), d.getName(), d.getDescription()))
            .toList(),
        (system, user) -> llm.complete(system, user, true, 300),
        embedded);
  }

  private String judgeName(Judge judge) {
    return judge instanceof LlmJudge ? "llm-" + llm.model() : "embedded";
  }

  /** For the flywheel cycle, which runs without a caller. */
  @jakarta.annotation.security.PermitAll
  public Summary judgeForCycle() {
    return judge(null);
  }

  /**
   * @param reviewers votes each new item needs; null takes {@code infodesk.review.reviewers}
   */
  public Summary judge(Integer reviewers) {
    if (reviewers != null && (reviewers < 1 || reviewers > 9)) {
      throw new io.infodesk.platform.entity.InvalidInputException(
          "reviewers must be between 1 and 9, not " + reviewers);
    }
    double sample = settings.number("infodesk.judge.satisfied-sample");
    List<Domain> domains =
        em.createNamedQuery(Domain.FIND_ALL, Domain.class).getResultList().stream()
            .filter(Domain::isActive)
            .toList();
    Judge judge = chooseJudge(domains);
    int votes = reviewers != null ? reviewers : settings.whole("infodesk.review.reviewers");
    Router teacher = routing.teacher();
    Router live = routing.activeRouter();
    List<Feedback> feedback =
        em.createQuery("SELECT f FROM Feedback f", Feedback.class).getResultList();
    int unsatisfied = 0;
    int judged = 0;
    int flagged = 0;
    Map<Verdict.Attribution, Integer> attributions = new EnumMap<>(Verdict.Attribution.class);
    for (Feedback f : feedback) {
      boolean satisfied = "up".equals(f.getRating());
      unsatisfied += satisfied ? 0 : 1;
      if (satisfied
          && Math.floorMod(Long.hashCode(f.getInteractionId() * 2654435761L), 1000)
              >= sample * 1000) {
        continue;
      }
      if (!em.createNamedQuery(ReviewItem.FIND_BY_INTERACTION, ReviewItem.class)
          .setParameter("interaction", f.getInteractionId())
          .getResultList()
          .isEmpty()) {
        continue;
      }
      Interaction i = em.find(Interaction.class, f.getInteractionId());
      if (i == null) {
        continue;
      }
      float[] vector = embeddings.embed(i.getQuestion());
      Map<String, Double> similarity = new LinkedHashMap<>();
      for (Domain d : domains) {
        List<Passage> best = search.search(d, i.getQuestion(), vector, 1);
        similarity.put(d.getKey(), best.isEmpty() ? 0.0 : best.get(0).similarity());
      }
      String teacherDomain = teacher.route(i.getQuestion()).domain();
      String studentDomain = live == teacher ? null : live.route(i.getQuestion()).domain();
      String corrected =
          f.getCorrectDomain() == null ? null : RouteLabels.fromCorrection(f.getCorrectDomain());
      Verdict verdict =
          judge.judge(
              new Judge.Evidence(
                  i.getQuestion(),
                  i.getDomainKey(),
                  satisfied,
                  f.getComment(),
                  corrected,
                  teacherDomain,
                  studentDomain,
                  similarity));
      judged++;
      attributions.merge(verdict.attribution(), 1, Integer::sum);
      if (verdict.attribution() == Verdict.Attribution.ROUTING) {
        em.persist(new ReviewItem(i.getId(), i.getQuestion(), i.getDomainKey(), verdict, votes));
        flagged++;
      }
    }
    Summary summary =
        new Summary(feedback.size(), unsatisfied, judged, attributions, flagged, judgeName(judge));
    audit.record("JUDGED", "flywheel", null, summary.toString());
    return summary;
  }
}
