package io.infodesk.flywheel.boundary;

import io.infodesk.answering.boundary.AskAdmission;
import io.infodesk.answering.boundary.AskService;
import io.infodesk.answering.entity.AskResult;
import io.infodesk.feedback.boundary.FeedbackService;
import io.infodesk.platform.control.Settings;
import io.infodesk.platform.entity.ConflictException;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.review.boundary.JudgeService;
import io.infodesk.review.boundary.ReviewService;
import io.infodesk.review.entity.ReviewItem;
import io.infodesk.routing.entity.RouteLabels;
import io.infodesk.security.boundary.AuditService;
import io.infodesk.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Demo mode's "simulate a week of traffic": replays the next batch of the demo's employee questions
 * (written for the Kestrel knowledge base, apart from the domains' exemplars) through the ask path,
 * rates each answer as an employee would (mostly up when the route was right, mostly down when it
 * was wrong, often with the right domain), runs the judge within the SME budget, and has simulated
 * SMEs decide the new review items from the questions' known domains. Progress is kept for the
 * dashboard; the next cycle then learns from that week. One simulation at a time, on this node.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@RolesAllowed(Role.ADMIN_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrafficSimulation {

  private static final Logger LOG = Logger.getLogger(TrafficSimulation.class.getName());
  static final String TRAFFIC = "demo/traffic.txt";

  /** Questions a simulated week asks. */
  public static final int WEEK = 120;

  /** How a simulated employee rates: down when right, up when wrong, a correction when down. */
  static final double DOWN_WHEN_RIGHT = 0.10;

  static final double UP_WHEN_WRONG = 0.20;
  static final double CORRECTS_WHEN_DOWN = 0.6;

  /** Where a simulation stands: the week, how far it got, and what happened. */
  public record Progress(
      int week,
      String status,
      int total,
      int asked,
      int misrouted,
      int ratedDown,
      int corrected,
      int reviewed,
      String message) {
    static final Progress IDLE = new Progress(0, "IDLE", 0, 0, 0, 0, 0, 0, null);

    public boolean running() {
      return "RUNNING".equals(status);
    }

    public int percent() {
      int steps = total + 1;
      return total == 0
          ? 0
          : Math.min(100, 100 * (asked + ("COMPLETED".equals(status) ? 1 : 0)) / steps);
    }
  }

  /** A demo question and the domain it belongs to ({@code oos} when none). */
  record Question(String text, String domain) {}

  @EJB AskService ask;
  @Inject AskAdmission admission;
  @EJB FeedbackService feedback;
  @EJB JudgeService judge;
  @EJB ReviewService reviews;
  @EJB AuditService audit;
  @Resource SessionContext context;
  @Inject Config config;

  private volatile Progress progress = Progress.IDLE;
  private int weeks;

  public Progress progress() {
    return progress;
  }

  /** Whether this server runs in demo mode, where traffic can be simulated. */
  public boolean enabled() {
    return config.getOptionalValue(Settings.DEMO, Boolean.class).orElse(false);
  }

  /** Starts the next simulated week in the background; 409 while one runs. */
  public synchronized Progress start() {
    if (!enabled()) {
      throw new InvalidInputException(
          "traffic can be simulated in demo mode only (" + Settings.DEMO + "=true)");
    }
    if (progress.running()) {
      throw new ConflictException("a simulated week is already running");
    }
    weeks++;
    progress = new Progress(weeks, "RUNNING", WEEK, 0, 0, 0, 0, 0, "asking");
    audit.recordNow("TRAFFIC_SIMULATED", "demo", String.valueOf(weeks), WEEK + " questions");
    context.getBusinessObject(TrafficSimulation.class).run(weeks);
    return progress;
  }

  @Asynchronous
  public void run(int week) {
    try {
      simulate(week);
    } catch (RuntimeException e) {
      LOG.warning("Simulated week " + week + " failed: " + e);
      progress =
          new Progress(
              week,
              "FAILED",
              progress.total(),
              progress.asked(),
              progress.misrouted(),
              progress.ratedDown(),
              progress.corrected(),
              progress.reviewed(),
              String.valueOf(e.getMessage()));
    }
  }

  private void simulate(int week) {
    List<Question> batch = week(questions(), week);
    Random random = new Random(1000L + week);
    Map<Long, String> domainOf = new HashMap<>();
    int asked = 0;
    int misrouted = 0;
    int down = 0;
    int corrected = 0;
    for (Question q : batch) {
      // in turn with the employees' questions (infodesk.ask.concurrency), as one of them
      AskResult a = admission.admit(() -> ask.ask(q.text(), null));
      String routed = a.domain() == null ? RouteLabels.OOS : a.domain();
      boolean right = routed.equals(q.domain());
      boolean satisfied =
          right ? random.nextDouble() >= DOWN_WHEN_RIGHT : random.nextDouble() < UP_WHEN_WRONG;
      String correction =
          !satisfied && !right && random.nextDouble() < CORRECTS_WHEN_DOWN
              ? RouteLabels.toCorrection(q.domain())
              : null;
      feedback.rate(a.interactionId(), satisfied ? "up" : "down", null, correction);
      domainOf.put(a.interactionId(), q.domain());
      asked++;
      misrouted += right ? 0 : 1;
      down += satisfied ? 0 : 1;
      corrected += correction == null ? 0 : 1;
      progress =
          new Progress(
              week, "RUNNING", batch.size(), asked, misrouted, down, corrected, 0, "asking");
    }
    progress =
        new Progress(
            week,
            "RUNNING",
            batch.size(),
            asked,
            misrouted,
            down,
            corrected,
            0,
            "the judge and the SMEs review");
    judge.judge(1);
    int reviewed = 0;
    // this week's items, from every page of the queue, before any decision moves the pages
    List<ReviewItem> items = new ArrayList<>();
    for (int first = 0; ; first += ReviewService.MAX_PAGE) {
      List<ReviewItem> page = reviews.queue(null, first, ReviewService.MAX_PAGE);
      page.stream().filter(i -> domainOf.containsKey(i.getInteractionId())).forEach(items::add);
      if (page.size() < ReviewService.MAX_PAGE) {
        break;
      }
    }
    for (ReviewItem item : items) {
      String domain = domainOf.get(item.getInteractionId());
      String routed = item.getRoutedDomain() == null ? RouteLabels.OOS : item.getRoutedDomain();
      reviews.claim(item.getId());
      if (routed.equals(domain)) {
        reviews.decide(item.getId(), "CONFIRM_ROUTE", null);
      } else {
        reviews.decide(item.getId(), "CORRECT_DOMAIN", RouteLabels.toCorrection(domain));
      }
      reviewed++;
    }
    progress =
        new Progress(
            week,
            "COMPLETED",
            batch.size(),
            asked,
            misrouted,
            down,
            corrected,
            reviewed,
            String.format(
                "week %d: %d questions, %d misrouted, %d rated down (%d with the right domain),"
                    + " %d reviewed by SMEs; run a cycle to learn from it",
                week, asked, misrouted, down, corrected, reviewed));
    LOG.info(progress.message());
  }

  /** The week's batch: the demo questions, shuffled once, taken {@link #WEEK} at a time. */
  static List<Question> week(List<Question> all, int week) {
    List<Question> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(42));
    List<Question> out = new ArrayList<>();
    int from = (week - 1) * WEEK;
    for (int i = 0; i < Math.min(WEEK, shuffled.size()); i++) {
      out.add(shuffled.get((from + i) % shuffled.size()));
    }
    return out;
  }

  static List<Question> questions() {
    InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(TRAFFIC);
    if (in == null) {
      in = TrafficSimulation.class.getClassLoader().getResourceAsStream(TRAFFIC);
    }
    if (in == null) {
      throw new IllegalStateException(TRAFFIC + " is missing");
    }
    List<Question> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\\|", 2);
        out.add(new Question(parts[1].strip(), parts[0].strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
