package io.infodesk.review.entity;

import io.infodesk.review.model.JudgeLabel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The judge's latest opinion of one interaction's label ({@link JudgeLabel}), kept until the judge
 * looks at the interaction again.
 */
@Entity
@Table(name = "judge_opinion")
@NamedQuery(name = JudgeOpinion.FIND_ALL, query = "SELECT o FROM JudgeOpinion o")
@NamedQuery(
    name = JudgeOpinion.FIND_BY_INTERACTION,
    query = "SELECT o FROM JudgeOpinion o WHERE o.interactionId = :interaction")
@NamedQuery(
    name = JudgeOpinion.FIND_NEWEST,
    query = "SELECT o FROM JudgeOpinion o ORDER BY o.judgedAt DESC, o.interactionId DESC")
public class JudgeOpinion {
  public static final String FIND_ALL = "JudgeOpinion.findAll";
  public static final String FIND_NEWEST = "JudgeOpinion.findNewest";
  public static final String FIND_BY_INTERACTION = "JudgeOpinion.findByInteraction";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @Column(name = "interaction_id")
  private Long interactionId;

  @Enumerated(EnumType.STRING)
  private JudgeLabel.Kind kind;

  private String label;

  private double probability;

  private String reason;

  @Column(name = "judged_at")
  private Instant judgedAt;

  protected JudgeOpinion() {}

  public JudgeOpinion(Long interactionId, JudgeLabel opinion) {
    this.interactionId = interactionId;
    update(opinion);
  }

  /** The judge's new opinion of the same interaction. */
  public void update(JudgeLabel opinion) {
    this.kind = opinion.kind();
    this.label = opinion.label();
    this.probability = opinion.probability();
    this.reason =
        opinion.reason().length() > 1000 ? opinion.reason().substring(0, 1000) : opinion.reason();
    this.judgedAt = Instant.now();
  }

  public Long getInteractionId() {
    return interactionId;
  }

  public JudgeLabel toLabel() {
    return new JudgeLabel(kind, label, probability, reason);
  }

  public Instant getJudgedAt() {
    return judgedAt;
  }
}
