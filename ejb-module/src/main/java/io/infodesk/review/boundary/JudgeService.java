package io.infodesk.review.boundary;

import io.infodesk.answering.entity.Interaction;
import io.infodesk.feedback.entity.Feedback;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.platform.boundary.EmbeddingService;
import io.infodesk.platform.control.FlywheelSettings;
import io.infodesk.platform.control.LlmEndpoint;
import io.infodesk.platform.entity.Audited;
import io.infodesk.retrieval.boundary.SearchService;
import io.infodesk.retrieval.entity.Passage;
import io.infodesk.review.control.EmbeddedJudge;
import io.infodesk.review.control.Judge;
import io.infodesk.review.control.LabelSuspicion;
import io.infodesk.review.control.LlmJudge;
import io.infodesk.review.control.ReviewBudget;
import io.infodesk.review.entity.JudgeOpinion;
import io.infodesk.review.entity.ReviewItem;
import io.infodesk.review.entity.Verdict;
import io.infodesk.review.model.JudgeLabel;
import io.infodesk.review.model.Learning;
import io.infodesk.routing.boundary.RoutingService;
import io.infodesk.routing.entity.RouteLabels;
import io.infodesk.routing.model.Router;
import io.infodesk.routing.model.StudentRouter;
import io.infodesk.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Runs the judge over every rated interaction that was not satisfactory, plus a configurable,
 * reproducible sample of the satisfactory ones. A suspected misroute is one the judge attributes to
 * routing, or one whose route the incumbent student (what the flywheel has learned) contradicts.
 * Within {@code infodesk.review.budget}, the suspects with the highest expected gain of a review
 * become review items for the SMEs, each with the reason it was chosen and the near-duplicates its
 * decision settles ({@link ReviewBudget}). Interactions that already have a review item are not
 * judged again.
 *
 * <p>In the flywheel's cycle, where the judge has evidence from students that never saw the labels
 * (out of fold) that the held-out examples say it may trust ({@link Learning#allows}), it also
 * gives its opinion of the labels no SME has decided ({@link JudgeLabel}): a label for a question
 * rated down without a correction where the evidence is confident, and a LOGGED label the evidence
 * contradicts set aside from training. The opinion of an interaction is replaced each time the
 * judge looks at it again; a cycle whose evidence may give no opinion withdraws them all.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class JudgeService {

  /**
   * The funnel of one judging run: {@code flagged} suspected misroutes, of which the budget let
   * {@code chosen} become review items (ordered by the expected gain of a review).
   */
  public record Summary(
      int feedback,
      int unsatisfied,
      int judged,
      Map<Verdict.Attribution, Integer> attributions,
      int flagged,
      String judge,
      int budget,
      int chosen,
      int reexamined,
      int relabelled,
      int setAside) {}

  /**
   * One of the judge's current opinions, with the question it is about.
   *
   * @param routed the domain the question was routed to ({@code oos} when declined)
   * @param kind RELABEL (a question rated down without a correction gets {@code label}) or
   *     SET_ASIDE (the route's LOGGED label stays out of training; {@code label} is the evidence's
   *     likeliest other label, if any)
   * @param probability for RELABEL the evidence's probability for {@code label}, for SET_ASIDE the
   *     probability that the route's label is wrong
   * @param reviewItem the review item of the same question, where an admin sent the opinion to the
   *     SMEs (or the judge queued it before); null where none
   * @param reviewStatus that item's status (PENDING, DISPUTED, DECIDED); null where none
   */
  public record Opinion(
      long interactionId,
      String question,
      String routed,
      String kind,
      String label,
      double probability,
      String reason,
      java.time.Instant judgedAt,
      Long reviewItem,
      String reviewStatus) {

    // JavaBean getters: the portal's expression language (Jakarta EL 5) reads no record components

    public long getInteractionId() {
      return interactionId;
    }

    public String getQuestion() {
      return question;
    }

    public String getRouted() {
      return routed;
    }

    public String getKind() {
      return kind;
    }

    public String getLabel() {
      return label;
    }

    public double getProbability() {
      return probability;
    }

    public String getReason() {
      return reason;
    }

    public java.time.Instant getJudgedAt() {
      return judgedAt;
    }

    public Long getReviewItem() {
      return reviewItem;
    }

    public String getReviewStatus() {
      return reviewStatus;
    }
  }

  /**
   * The judge's current opinions of labels no SME has decided, newest first, for an admin: what the
   * last cycles' judge labelled or set aside, and why. An SME's decision on the same question
   * always wins over it.
   */
  public List<Opinion> opinions(int first, int max) {
    List<JudgeOpinion> page =
        em.createNamedQuery(JudgeOpinion.FIND_NEWEST, JudgeOpinion.class)
            .setFirstResult(first)
            .setMaxResults(max)
            .getResultList();
    // the page's questions and review items in one query each, not one per opinion
    List<Long> ids = page.stream().map(JudgeOpinion::getInteractionId).toList();
    Map<Long, Interaction> questions = log.byIds(ids);
    Map<Long, ReviewItem> reviews = new HashMap<>();
    if (!ids.isEmpty()) {
      em.createNamedQuery(ReviewItem.FIND_BY_INTERACTIONS, ReviewItem.class)
          .setParameter("interactions", ids)
          .getResultList()
          .forEach(r -> reviews.putIfAbsent(r.getInteractionId(), r));
    }
    List<Opinion> out = new ArrayList<>();
    for (JudgeOpinion o : page) {
      Interaction i = questions.get(o.getInteractionId());
      JudgeLabel l = o.toLabel();
      ReviewItem review = reviews.get(o.getInteractionId());
      out.add(
          new Opinion(
              o.getInteractionId(),
              i == null ? null : i.getQuestion(),
              i == null ? null : i.getDomainKey() == null ? RouteLabels.OOS : i.getDomainKey(),
              l.kind().name(),
              l.label(),
              l.probability(),
              l.reason(),
              o.getJudgedAt(),
              review == null ? null : review.getId(),
              review == null ? null : review.getStatus()));
    }
    return out;
  }

  /**
   * Sends the judge's opinion of one question to the SMEs, for an admin who doubts it: a review
   * item that suggests the judge's label, as the judge's own items do. Until the SMEs decide, the
   * opinion stands; then their decision wins over it, as every SME decision does.
   *
   * @param reviewers votes the item needs; null takes {@code infodesk.review.reviewers}
   * @throws io.infodesk.platform.entity.UnknownEntityException where the judge has no opinion of it
   * @throws io.infodesk.platform.entity.ConflictException where the question is already in review
   */
  public ReviewItem sendToReview(long interactionId, Integer reviewers) {
    int votes = votes(reviewers);
    JudgeOpinion opinion =
        em.createNamedQuery(JudgeOpinion.FIND_BY_INTERACTION, JudgeOpinion.class)
            .setParameter("interaction", interactionId)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new io.infodesk.platform.entity.UnknownEntityException(
                        "the judge has no opinion of interaction " + interactionId));
    ReviewItem earlier = reviewOf(interactionId);
    if (earlier != null) {
      throw new io.infodesk.platform.entity.ConflictException(
          "interaction "
              + interactionId
              + " is already review item "
              + earlier.getId()
              + " ("
              + earlier.getStatus()
              + ")");
    }
    Interaction i =
        log.find(interactionId)
            .orElseThrow(
                () ->
                    new io.infodesk.platform.entity.UnknownEntityException(
                        "interaction " + interactionId + " no longer exists"));
    JudgeLabel l = opinion.toLabel();
    ReviewItem item =
        new ReviewItem(
            i.getId(),
            i.getQuestion(),
            i.getDomainKey(),
            new Verdict(
                Verdict.Attribution.ROUTING,
                l.label() == null ? null : RouteLabels.toCorrection(l.label()),
                l.probability(),
                "the judge's opinion ("
                    + (l.kind() == JudgeLabel.Kind.RELABEL ? "labelled" : "set aside")
                    + "), sent to the SMEs by an admin: "
                    + l.reason()),
            votes);
    item.chosen(l.probability(), "an admin asked the SMEs to check the judge's opinion", List.of());
    em.persist(item);
    audited.fire(
        new Audited(
            "JUDGE_OPINION_SENT_TO_REVIEW",
            "interaction",
            String.valueOf(interactionId),
            l.kind() + (l.label() == null ? "" : " " + l.label())));
    return item;
  }

  /** Votes each new item needs: {@code reviewers}, or {@code infodesk.review.reviewers}. */
  private int votes(Integer reviewers) {
    if (reviewers != null && (reviewers < 1 || reviewers > 9)) {
      throw new io.infodesk.platform.entity.InvalidInputException(
          "reviewers must be between 1 and 9, not " + reviewers);
    }
    return reviewers != null ? reviewers : settings.whole("infodesk.review.reviewers");
  }

  /** The question's review item, or null. */
  private ReviewItem reviewOf(long interactionId) {
    return em.createNamedQuery(ReviewItem.FIND_BY_INTERACTION, ReviewItem.class)
        .setParameter("interaction", interactionId)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** Ratings read per query. */
  static final int FEEDBACK_PAGE = 500;

  /** Every rating, oldest first, read {@code size} at a time. */
  private java.util.Iterator<Feedback> pages(int size) {
    return new java.util.Iterator<>() {
      private List<Feedback> page = List.of();
      private int index;
      private int first;
      private boolean last;

      @Override
      public boolean hasNext() {
        if (index < page.size()) {
          return true;
        }
        if (last) {
          return false;
        }
        page = ratings.page(first, size);
        first += page.size();
        index = 0;
        last = page.size() < size;
        return !page.isEmpty();
      }

      @Override
      public Feedback next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return page.get(index++);
      }
    };
  }

  /** Nearest curated examples the judge looks at. */
  static final int NEIGHBOURS = 10;

  /** A judged interaction that may deserve a review. */
  private record Flag(Interaction interaction, Verdict verdict) {}

  @PersistenceContext EntityManager em;
  @Inject CuratedLabels labelCounts;
  @jakarta.inject.Inject io.infodesk.feedback.boundary.Ratings ratings;
  @jakarta.inject.Inject io.infodesk.answering.boundary.InteractionLog log;
  @jakarta.inject.Inject io.infodesk.knowledge.boundary.DomainDirectory domains;
  @EJB EmbeddingService embeddings;
  @EJB SearchService search;
  @EJB RoutingService routing;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<Audited> audited;
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
                .orElseGet(() -> EmbeddedJudge.defaultMargin(embeddings.maxTokens())));
    String mode = settings.text("infodesk.judge.mode");
    if (mode.equals("embedded") || !llm.isConfigured()) {
      return embedded;
    }
    return new LlmJudge(
        domains.stream()
            .map(
                d ->
                    new io.infodesk.routing.model.LlmRouter.DomainCard(
                        d.getKey(), d.getName(), d.getDescription()))
            .toList(),
        (system, user) -> llm.complete(system, user, true, 300),
        embedded);
  }

  /** The judge's view of what the flywheel has learned about one question. */
  private static Judge.Learned learned(
      String teacherLabel, Map<String, Double> student, List<LabelSuspicion.Neighbour> nearest) {
    String top = null;
    double confidence = 0;
    if (student != null) {
      for (var e : student.entrySet()) {
        if (e.getValue() > confidence) {
          top = e.getKey();
          confidence = e.getValue();
        }
      }
    }
    return new Judge.Learned(
        top, confidence, nearest, LabelSuspicion.agree(teacherLabel, top, nearest));
  }

  private String judgeName(Judge judge) {
    return judge instanceof LlmJudge ? "llm-" + llm.model() : "embedded";
  }

  /**
   * For the flywheel cycle, which runs without a caller.
   *
   * @param learning what the flywheel has learned so far (the curated examples, their out-of-fold
   *     probabilities): the judge's evidence, and the LOGGED labels it re-examines
   */
  @jakarta.annotation.security.PermitAll
  public Summary judgeForCycle(Learning learning) {
    return judge(null, learning, true);
  }

  /**
   * @param reviewers votes each new item needs; null takes {@code infodesk.review.reviewers}
   */
  public Summary judge(Integer reviewers) {
    return judge(reviewers, Learning.NONE, false);
  }

  /**
   * @param cycle the flywheel's cycle runs it: the judge's opinions of labels are replaced (an
   *     admin's run, without learned evidence, leaves them)
   */
  private Summary judge(Integer reviewers, Learning learning, boolean cycle) {
    int votes = votes(reviewers);
    double sample = settings.number("infodesk.judge.satisfied-sample");
    List<Domain> active = domains.active();
    Judge judge = chooseJudge(active);
    Router teacher = routing.teacher();
    Router live = routing.activeRouter();
    // the ratings a page at a time: nothing holds every rating in memory
    Iterable<Feedback> feedback = () -> pages(FEEDBACK_PAGE);
    int ratings = 0;
    int unsatisfied = 0;
    int judged = 0;
    int flagged = 0;
    Map<Verdict.Attribution, Integer> attributions = new EnumMap<>(Verdict.Attribution.class);
    List<Flag> flags = new ArrayList<>();
    List<ReviewBudget.Candidate> candidates = new ArrayList<>();
    List<float[]> curatedVectors =
        learning.curated().stream().map(Learning.Curated::vector).toList();
    List<String> curatedLabels = learning.curated().stream().map(Learning.Curated::label).toList();
    Map<Long, Integer> curatedIndex = new HashMap<>();
    for (int x = 0; x < learning.curated().size(); x++) {
      Long id = learning.curated().get(x).interactionId();
      if (id != null) {
        curatedIndex.putIfAbsent(id, x);
      }
    }
    java.util.Set<Long> seen = new java.util.HashSet<>();
    // the judge's opinions need evidence from students that never saw the labels (the cycle's),
    // and that the held-out examples say it may trust (Learning.allows)
    Map<Long, JudgeLabel> opinions = new HashMap<>();
    boolean opine = learning.opines();
    for (Feedback f : feedback) {
      ratings++;
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
      Interaction i = log.find(f.getInteractionId()).orElse(null);
      // a BLOCKED question was refused before routing: nothing to judge, and its text (an
      // injection attempt, or a blocked topic) never goes to an LLM judge
      if (i == null || i.getOutcome() == io.infodesk.answering.entity.Outcome.BLOCKED) {
        continue;
      }
      float[] vector = embeddings.embed(i.getQuestion());
      Map<String, Double> similarity = new LinkedHashMap<>();
      for (Domain d : active) {
        List<Passage> best = search.search(d, i.getQuestion(), vector, 1);
        similarity.put(d.getKey(), best.isEmpty() ? 0.0 : best.get(0).similarity());
      }
      seen.add(i.getId());
      String teacherDomain = teacher.route(i.getQuestion()).domain();
      String studentDomain = live == teacher ? null : live.route(i.getQuestion()).domain();
      String corrected =
          f.getCorrectDomain() == null ? null : RouteLabels.fromCorrection(f.getCorrectDomain());
      // what the flywheel has learned: a student that never saw this label (or the incumbent),
      // and the nearest curated examples
      String routedLabel = i.getDomainKey() == null ? RouteLabels.OOS : i.getDomainKey();
      Integer self = curatedIndex.get(i.getId());
      Map<String, Double> student =
          self != null && learning.outOfFold().containsKey(self)
              ? learning.outOfFold().get(self)
              : learning.student() != null
                  ? learning.student().apply(i.getQuestion())
                  : live instanceof StudentRouter sr ? sr.route(i.getQuestion()).scores() : null;
      List<LabelSuspicion.Neighbour> nearest =
          LabelSuspicion.nearest(
              vector, curatedVectors, curatedLabels, NEIGHBOURS, self == null ? -1 : self);
      String teacherLabel = teacherDomain == null ? RouteLabels.OOS : teacherDomain;
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
                  similarity,
                  learned(teacherLabel, student, nearest)));
      judged++;
      attributions.merge(verdict.attribution(), 1, Integer::sum);
      LabelSuspicion.Assessment learned =
          LabelSuspicion.assess(
              new LabelSuspicion.Evidence(
                  routedLabel,
                  teacherLabel,
                  student,
                  nearest,
                  !satisfied,
                  verdict.attribution() == Verdict.Attribution.ROUTING));
      if (opine && corrected == null) {
        // rated up: the route's LOGGED label (or one set aside before); rated down: no label
        String provenance =
            satisfied ? self != null ? learning.curated().get(self).provenance() : "LOGGED" : null;
        learned
            .judgeLabel(provenance)
            .filter(learning::allows)
            .ifPresent(o -> opinions.put(i.getId(), o));
      }
      if (verdict.attribution() == Verdict.Attribution.ROUTING
          || (student != null && learned.wrongProbability() >= 0.5)) {
        flagged++;
        double wrong =
            verdict.attribution() == Verdict.Attribution.ROUTING
                ? Math.max(verdict.confidence(), learned.wrongProbability())
                : learned.wrongProbability();
        flags.add(
            new Flag(
                i,
                verdict.suggestedDomain() != null || learned.suggested() == null
                    ? verdict
                    : new Verdict(
                        Verdict.Attribution.ROUTING,
                        RouteLabels.toCorrection(learned.suggested()),
                        wrong,
                        learned.reason())));
        candidates.add(
            new ReviewBudget.Candidate(
                Long.toString(i.getId()),
                routedLabel,
                wrong,
                vector,
                i.getQuestion(),
                learned.reason()));
      }
    }
    // old LOGGED labels (routes nobody complained about) that the out-of-fold student and the
    // nearest curated examples contradict with confidence are suspected label errors too, where
    // the evidence may opine at all
    int reexamined = 0;
    for (var entry : learning.outOfFold().entrySet()) {
      Learning.Curated c = learning.curated().get(entry.getKey());
      if (!("LOGGED".equals(c.provenance())
              || JudgeLabel.SET_ASIDE_PROVENANCE.equals(c.provenance()))
          || c.interactionId() == null
          || seen.contains(c.interactionId())
          || !em.createNamedQuery(ReviewItem.FIND_BY_INTERACTION, ReviewItem.class)
              .setParameter("interaction", c.interactionId())
              .getResultList()
              .isEmpty()) {
        continue;
      }
      seen.add(c.interactionId());
      reexamined++;
      LabelSuspicion.Assessment learned =
          LabelSuspicion.assess(
              new LabelSuspicion.Evidence(
                  c.label(),
                  null,
                  entry.getValue(),
                  LabelSuspicion.nearest(
                      c.vector(), curatedVectors, curatedLabels, NEIGHBOURS, entry.getKey()),
                  false,
                  false));
      if (opine) {
        learned
            .judgeLabel(c.provenance())
            .filter(learning::allows)
            .ifPresent(o -> opinions.put(c.interactionId(), o));
      }
      Interaction i = log.find(c.interactionId()).orElse(null);
      if (i == null || !learned.reexamines(opine)) {
        continue;
      }
      flagged++;
      String reason = "re-examined a LOGGED label: " + learned.reason();
      flags.add(
          new Flag(
              i,
              new Verdict(
                  Verdict.Attribution.ROUTING,
                  RouteLabels.toCorrection(learned.suggested()),
                  learned.wrongProbability(),
                  reason)));
      candidates.add(
          new ReviewBudget.Candidate(
              Long.toString(i.getId()),
              c.label(),
              learned.wrongProbability(),
              c.vector(),
              c.text(),
              reason));
    }
    int budget =
        FlywheelSettings.reviewBudget(settings.text("infodesk.review.budget"), judged + reexamined);
    Map<String, Flag> byId = new HashMap<>();
    flags.forEach(f -> byId.put(Long.toString(f.interaction().getId()), f));
    List<ReviewBudget.Choice> chosen =
        ReviewBudget.choose(candidates, budget, labelCounts.latestCounts(), 0.0);
    for (ReviewBudget.Choice c : chosen) {
      Flag f = byId.get(c.candidate().key());
      ReviewItem item =
          new ReviewItem(
              f.interaction().getId(),
              f.interaction().getQuestion(),
              f.interaction().getDomainKey(),
              f.verdict(),
              votes);
      item.chosen(
          c.gain(), c.reason(), c.settles().stream().map(d -> Long.valueOf(d.key())).toList());
      em.persist(item);
    }
    if (opine) {
      remember(seen, opinions);
    } else if (cycle) {
      // the evidence no longer overrules routes: no earlier opinion stands either
      em.createNamedQuery(JudgeOpinion.FIND_ALL, JudgeOpinion.class)
          .getResultList()
          .forEach(em::remove);
    }
    Summary summary =
        new Summary(
            ratings,
            unsatisfied,
            judged,
            attributions,
            flagged,
            judgeName(judge),
            budget,
            chosen.size(),
            reexamined,
            count(opinions, JudgeLabel.Kind.RELABEL),
            count(opinions, JudgeLabel.Kind.SET_ASIDE));
    audited.fire(new Audited("JUDGED", "flywheel", null, summary.toString()));
    return summary;
  }

  /** Replaces the judge's opinion of every interaction it looked at in this run. */
  private void remember(java.util.Set<Long> looked, Map<Long, JudgeLabel> opinions) {
    Map<Long, JudgeOpinion> earlier = new HashMap<>();
    em.createNamedQuery(JudgeOpinion.FIND_ALL, JudgeOpinion.class)
        .getResultList()
        .forEach(o -> earlier.put(o.getInteractionId(), o));
    for (Long id : looked) {
      JudgeOpinion old = earlier.get(id);
      JudgeLabel now = opinions.get(id);
      if (now == null && old != null) {
        em.remove(old);
      } else if (now != null && old != null) {
        old.update(now);
      } else if (now != null) {
        em.persist(new JudgeOpinion(id, now));
      }
    }
  }

  private static int count(Map<Long, JudgeLabel> opinions, JudgeLabel.Kind kind) {
    return (int) opinions.values().stream().filter(o -> o.kind() == kind).count();
  }
}
