package io.infodesk.portal.review;

import io.infodesk.knowledge.boundary.DomainService;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.portal.shell.Messages;
import io.infodesk.portal.shell.Shell;
import io.infodesk.review.boundary.ReviewService;
import io.infodesk.review.entity.ReviewItem;
import io.infodesk.review.entity.ReviewVote;
import io.infodesk.routing.entity.RouteLabels;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The SMEs' review desk: the queue of their domains (filtered by domain and attribution), "claim
 * next", the review screen with the exchange, the passages, the feedback and the judge's verdict,
 * decisions by button or key (1 confirm, 2 correct, 3 not routing, S skip, N next), a progress
 * counter and their own history. {@link ReviewService} checks roles and domains again.
 */
@Named
@ViewScoped
public class ReviewDesk implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB ReviewService reviews;
  @EJB DomainService domains;
  @Inject Shell shell;

  private boolean allowed;
  private String domainFilter;
  private String attributionFilter;
  private List<ReviewItem> queue = List.of();
  private ReviewService.Context current;
  private String correctDomain;
  private List<ReviewVote> history = List.of();
  private List<Domain> allDomains = List.of();
  private int decided;

  @PostConstruct
  void load() {
    allowed = shell.mayOpenThisPage();
    if (allowed) {
      allDomains = domains.list();
      reload();
    }
  }

  public void reload() {
    queue =
        reviews.queue(
            blank(domainFilter) ? null : domainFilter,
            blank(attributionFilter) ? null : attributionFilter,
            0,
            ReviewService.MAX_PAGE);
    history = reviews.history(20);
  }

  /** Claims the first free item of the filtered queue and opens it. */
  public void claimNext() {
    Optional<ReviewItem> next =
        reviews.claimNext(
            blank(domainFilter) ? null : domainFilter,
            blank(attributionFilter) ? null : attributionFilter);
    if (next.isPresent()) {
      open(next.get().getId());
      return;
    }
    current = null;
    reload();
    Messages.info("Nothing left to review here. Thank you!");
  }

  public void claim(long id) {
    try {
      reviews.claim(id);
      open(id);
    } catch (RuntimeException e) {
      Messages.error(e);
      reload();
    }
  }

  private void open(long id) {
    current = reviews.context(id);
    String suggested = current.item().getSuggestedDomain();
    correctDomain =
        suggested == null
            ? null
            : suggested.equals(RouteLabels.OOS) ? RouteLabels.OUT_OF_SCOPE : suggested;
    reload();
  }

  /** Votes on the open item and moves on to the next one. */
  public void decide(String decision) {
    if (current == null) {
      Messages.info("Claim an item first (press N).");
      return;
    }
    try {
      ReviewItem item =
          reviews.decide(
              current.item().getId(),
              decision,
              "CORRECT_DOMAIN".equals(decision) ? correctDomain : null);
      if (!"SKIP".equals(decision)) {
        decided++;
      }
      Messages.info(
          "Item "
              + item.getId()
              + ": "
              + decision.replace('_', ' ').toLowerCase()
              + ("CORRECT_DOMAIN".equals(decision) ? " → " + correctDomain : "")
              + ("PENDING".equals(item.getStatus()) ? " (waits for another reviewer)" : "")
              + ("DISPUTED".equals(item.getStatus())
                  ? " (reviewers disagree: sent to an admin)"
                  : ""));
      claimNext();
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public boolean isAllowed() {
    return allowed;
  }

  public List<ReviewItem> getQueue() {
    return queue;
  }

  public ReviewService.Context getCurrent() {
    return current;
  }

  public List<ReviewVote> getHistory() {
    return history;
  }

  public List<Domain> getAllDomains() {
    return allDomains;
  }

  public int getDecided() {
    return decided;
  }

  public String getDomainFilter() {
    return domainFilter;
  }

  public void setDomainFilter(String domainFilter) {
    this.domainFilter = domainFilter;
  }

  public String getAttributionFilter() {
    return attributionFilter;
  }

  public void setAttributionFilter(String attributionFilter) {
    this.attributionFilter = attributionFilter;
  }

  public String getCorrectDomain() {
    return correctDomain;
  }

  public void setCorrectDomain(String correctDomain) {
    this.correctDomain = correctDomain;
  }
}
