package io.infodesk.portal.admin;

import io.infodesk.knowledge.boundary.DomainService;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.portal.shell.Messages;
import io.infodesk.portal.shell.Shell;
import io.infodesk.review.boundary.JudgeService;
import io.infodesk.review.boundary.ReviewService;
import io.infodesk.review.entity.ReviewItem;
import io.infodesk.review.entity.ReviewVote;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Review items whose reviewers disagreed, with their votes, for an admin to settle; and the cycle
 * judge's current opinions of labels nobody decided, so that the admin sees what it labelled or
 * left out of training, and why.
 */
@Named
@ViewScoped
public class DisputesPage implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The newest opinions the page shows; the API pages through all of them. */
  static final int OPINIONS = 100;

  @EJB ReviewService reviews;
  @EJB JudgeService judge;
  @EJB DomainService domains;
  @Inject Shell shell;

  private boolean allowed;
  private List<ReviewItem> disputes = List.of();
  private List<JudgeService.Opinion> opinions = List.of();
  private final Map<Long, List<ReviewVote>> votes = new HashMap<>();
  private final Map<Long, String> domainChoice = new HashMap<>();
  private List<Domain> allDomains = List.of();

  @PostConstruct
  void load() {
    allowed = shell.mayOpenThisPage();
    if (allowed) {
      disputes = reviews.disputes();
      opinions = judge.opinions(0, OPINIONS);
      allDomains = domains.list();
      votes.clear();
      for (ReviewItem item : disputes) {
        votes.put(item.getId(), reviews.votesOn(item.getId()));
        domainChoice.putIfAbsent(item.getId(), item.getSuggestedDomain());
      }
    }
  }

  public void resolve(long id, String decision) {
    try {
      reviews.resolve(
          id, decision, "CORRECT_DOMAIN".equals(decision) ? domainChoice.get(id) : null);
      Messages.info("Review item " + id + " settled: " + decision.replace('_', ' ').toLowerCase());
      load();
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  /** An admin doubts the judge's opinion of a question: the SMEs decide it. */
  public void sendToReview(long interactionId) {
    try {
      ReviewItem item = judge.sendToReview(interactionId, null);
      Messages.info(
          "Sent to the SMEs as review item "
              + item.getId()
              + "; their decision will win over the judge's");
      load();
    } catch (RuntimeException e) {
      Messages.error(e);
    }
  }

  public boolean isAllowed() {
    return allowed;
  }

  public List<ReviewItem> getDisputes() {
    return disputes;
  }

  public List<JudgeService.Opinion> getOpinions() {
    return opinions;
  }

  public Map<Long, List<ReviewVote>> getVotes() {
    return votes;
  }

  public Map<Long, String> getDomainChoice() {
    return domainChoice;
  }

  public List<Domain> getAllDomains() {
    return allDomains;
  }
}
