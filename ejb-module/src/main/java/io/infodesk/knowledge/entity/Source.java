package io.infodesk.knowledge.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An uploaded document of a domain: the original bytes, its parsed text and its ingestion state.
 */
@Entity
@Table(name = "kb_source")
@NamedQuery(
    name = Source.FIND_STATUS_CHANGED_SINCE,
    query = "SELECT s.id, s.status FROM Source s WHERE s.updatedAt >= :since ORDER BY s.updatedAt")
@NamedQuery(
    name = Source.FIND_BY_HASH,
    query = "SELECT s FROM Source s WHERE s.domain = :domain AND s.contentHash = :hash")
@NamedQuery(
    name = Source.FIND_UNFINISHED,
    query = "SELECT s FROM Source s WHERE s.status IN :statuses")
public class Source {
  public static final String FIND_BY_HASH = "Source.findByHash";
  public static final String FIND_STATUS_CHANGED_SINCE = "Source.findStatusChangedSince";
  public static final String FIND_UNFINISHED = "Source.findUnfinished";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "domain_id")
  private Domain domain;

  private String title;
  private String filename;

  @Column(name = "media_type")
  private String mediaType;

  @Column(name = "size_bytes")
  private long sizeBytes;

  @Column(name = "content_hash")
  private String contentHash;

  @Enumerated(EnumType.STRING)
  private SourceStatus status;

  private String failure;

  @Column(name = "chunk_count")
  private int chunkCount;

  /**
   * What the owner should know about the indexed source, or null ({@link #indexed(int, String)}).
   */
  private String warning;

  @Column(name = "body_text")
  private String bodyText;

  @Basic(fetch = FetchType.LAZY)
  private byte[] original;

  @Column(name = "uploaded_by")
  private String uploadedBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected Source() {}

  public Source(
      Domain domain,
      String filename,
      String mediaType,
      byte[] original,
      String contentHash,
      String uploadedBy) {
    this.domain = domain;
    this.filename = filename;
    this.title = filename;
    this.mediaType = mediaType;
    this.original = original;
    this.sizeBytes = original.length;
    this.contentHash = contentHash;
    this.uploadedBy = uploadedBy;
    this.status = SourceStatus.QUEUED;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  public void moveTo(SourceStatus next) {
    this.status = next;
    this.failure = null;
    this.updatedAt = Instant.now();
  }

  public void fail(String reason) {
    this.status = SourceStatus.FAILED;
    this.warning = null;
    this.failure =
        reason == null
            ? "unknown error"
            : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    this.updatedAt = Instant.now();
  }

  public void parsed(String title, String mediaType, String text) {
    this.bodyText = text;
    this.title = title.length() > 500 ? title.substring(0, 500) : title;
    this.mediaType = mediaType;
    this.updatedAt = Instant.now();
  }

  /** INDEXED with its chunks, its warning unchanged (the same text embedded again). */
  public void indexed(int chunks) {
    this.chunkCount = chunks;
    moveTo(SourceStatus.INDEXED);
  }

  /**
   * INDEXED with its chunks and what the owner should know about them: null, or why they are hard
   * to find (a language MiniLM cannot read).
   */
  public void indexed(int chunks, String warning) {
    indexed(chunks);
    this.warning =
        warning == null || warning.length() <= 1000 ? warning : warning.substring(0, 1000);
  }

  public Long getId() {
    return id;
  }

  public Domain getDomain() {
    return domain;
  }

  public String getTitle() {
    return title;
  }

  public String getFilename() {
    return filename;
  }

  public String getMediaType() {
    return mediaType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getContentHash() {
    return contentHash;
  }

  /** Whether searches may cite the source's chunks: not once it is retired or failed. */
  public boolean isSearchable() {
    return status != SourceStatus.RETIRED && status != SourceStatus.FAILED;
  }

  public SourceStatus getStatus() {
    return status;
  }

  public String getFailure() {
    return failure;
  }

  public int getChunkCount() {
    return chunkCount;
  }

  public String getWarning() {
    return warning;
  }

  public String getBodyText() {
    return bodyText;
  }

  public byte[] getOriginal() {
    return original;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
