package io.infodesk.knowledge.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One example question for a domain, as its owners wrote it; the zero-shot router learns from it.
 */
@Entity
@Table(name = "domain_exemplar")
public class DomainExemplar {
  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "domain_id")
  private Domain domain;

  private String text;
  private int position;

  protected DomainExemplar() {}

  DomainExemplar(Domain domain, String text, int position) {
    this.domain = domain;
    this.text = text;
    this.position = position;
  }

  public String getText() {
    return text;
  }

  public int getPosition() {
    return position;
  }
}
