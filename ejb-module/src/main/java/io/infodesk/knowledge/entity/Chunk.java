package io.infodesk.knowledge.entity;

import io.infodesk.platform.control.Hashes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A passage of a source with its MiniLM vector: the unit of retrieval and citation. */
@Entity
@Table(name = "kb_chunk")
@NamedQuery(
    name = Chunk.FIND_BY_SOURCE,
    query =
        "SELECT c FROM Chunk c WHERE c.source.id = :source AND c.supersededAt IS NULL ORDER BY c.ordinal")
@NamedQuery(
    name = Chunk.VERSIONS,
    query =
        "SELECT c.source.id, MAX(c.id), COUNT(c) FROM Chunk c WHERE c.source.id IN :sources AND c.supersededAt IS NULL GROUP BY c.source.id")
@NamedQuery(
    name = Chunk.FIND_BY_IDS,
    query = "SELECT c FROM Chunk c JOIN FETCH c.source WHERE c.id IN :ids")
@NamedQuery(
    name = Chunk.CITABLE,
    query =
        "SELECT c.id, s.id, s.title, c.heading, c.text, c.embedding FROM Chunk c JOIN c.source s WHERE c.id IN :ids AND s.status <> io.infodesk.knowledge.entity.SourceStatus.RETIRED AND s.status <> io.infodesk.knowledge.entity.SourceStatus.FAILED")
@NamedQuery(
    name = Chunk.DELETE_SUPERSEDED,
    query = "DELETE FROM Chunk c WHERE c.supersededAt IS NOT NULL AND c.supersededAt < :before")
@NamedQuery(
    name = Chunk.NEXT_CURRENT_IDS,
    query = "SELECT c.id FROM Chunk c WHERE c.id > :after AND c.supersededAt IS NULL ORDER BY c.id")
@NamedQuery(
    name = Chunk.INDEX_ROWS,
    query =
        "SELECT c.id, s.id, d.key, c.heading, c.text, c.embedding FROM Chunk c JOIN c.source s JOIN s.domain d WHERE c.id IN :ids AND s.status = io.infodesk.knowledge.entity.SourceStatus.INDEXED ORDER BY c.id")
@NamedQuery(
    name = Chunk.SOURCES_EMBEDDED_BY_OTHER_MODEL,
    query =
        "SELECT DISTINCT c.source.id FROM Chunk c WHERE c.source.status = io.infodesk.knowledge.entity.SourceStatus.INDEXED AND c.supersededAt IS NULL AND (c.embeddingModel IS NULL OR c.embeddingModel <> :model) ORDER BY c.source.id")
@NamedQuery(
    name = Chunk.COUNT_EMBEDDED_BY_OTHER_MODEL,
    query =
        "SELECT COUNT(c) FROM Chunk c WHERE c.source.status = io.infodesk.knowledge.entity.SourceStatus.INDEXED AND c.supersededAt IS NULL AND (c.embeddingModel IS NULL OR c.embeddingModel <> :model)")
@NamedQuery(
    name = Chunk.RECORD_UNRECORDED_MODEL,
    query = "UPDATE Chunk c SET c.embeddingModel = :model WHERE c.embeddingModel IS NULL")
@NamedQuery(
    name = Chunk.VECTORS_BY_TEXT,
    query =
        "SELECT c.textHash, c.embedding FROM Chunk c WHERE c.id IN (SELECT MIN(o.id) FROM Chunk o WHERE o.textHash IN :hashes AND o.embeddingModel = :model GROUP BY o.textHash)")
@NamedQuery(
    name = Chunk.COUNT_INDEXABLE,
    query =
        "SELECT COUNT(c) FROM Chunk c WHERE c.source.status = io.infodesk.knowledge.entity.SourceStatus.INDEXED AND c.supersededAt IS NULL")
public class Chunk {
  public static final String FIND_BY_SOURCE = "Chunk.findBySource";
  public static final String FIND_BY_IDS = "Chunk.findByIds";
  public static final String CITABLE = "Chunk.citable";
  public static final String VERSIONS = "Chunk.versions";
  public static final String DELETE_SUPERSEDED = "Chunk.deleteSuperseded";
  public static final String NEXT_CURRENT_IDS = "Chunk.nextCurrentIds";
  public static final String INDEX_ROWS = "Chunk.indexRows";
  public static final String COUNT_INDEXABLE = "Chunk.countIndexable";
  public static final String SOURCES_EMBEDDED_BY_OTHER_MODEL = "Chunk.sourcesEmbeddedByOtherModel";
  public static final String COUNT_EMBEDDED_BY_OTHER_MODEL = "Chunk.countEmbeddedByOtherModel";
  public static final String RECORD_UNRECORDED_MODEL = "Chunk.recordUnrecordedModel";
  public static final String VECTORS_BY_TEXT = "Chunk.vectorsByText";

  @Id
  @SequenceGenerator(name = "infodesk_seq", sequenceName = "infodesk_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "infodesk_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "source_id")
  private Source source;

  private int ordinal;
  private String heading;
  private String text;
  private byte[] embedding;

  /** The model that made {@link #embedding}: {@code MiniLmEmbedder.version()}. */
  @Column(name = "embedding_model")
  private String embeddingModel;

  /** The SHA-256 of the text {@link #embedding} was made from: {@link #embeddedText}. */
  @Column(name = "text_hash")
  private String textHash;

  /**
   * When a newer ingestion of the source replaced this chunk; null while it is current. An
   * OffsetDateTime, which JPA maps itself, and not an Instant through {@code InstantConverter}: a
   * converted null is bound as a string, which PostgreSQL refuses for a timestamp column.
   */
  @Column(name = "superseded_at")
  private OffsetDateTime supersededAt;

  protected Chunk() {}

  public Chunk(
      Source source,
      int ordinal,
      String heading,
      String text,
      float[] vector,
      String embeddingModel) {
    this.source = source;
    this.ordinal = ordinal;
    this.heading = heading == null || heading.length() <= 500 ? heading : heading.substring(0, 500);
    this.text = text;
    this.embedding = encode(vector);
    this.embeddingModel = embeddingModel;
    this.textHash = textHash(embeddedText(heading, text));
  }

  /** What a chunk's vector is made from: its heading, when it has one, then its text. */
  public static String embeddedText(String heading, String text) {
    return heading == null || heading.isBlank() ? text : heading + ": " + text;
  }

  /** The key under which a vector of {@code embeddedText} is found again. */
  public static String textHash(String embeddedText) {
    return Hashes.sha256(embeddedText.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] encode(float[] vector) {
    ByteBuffer b = ByteBuffer.allocate(vector.length * 4);
    for (float f : vector) {
      b.putFloat(f);
    }
    return b.array();
  }

  public static float[] decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    float[] v = new float[bytes.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getFloat();
    }
    return v;
  }

  public void supersede(Instant when) {
    this.supersededAt = when.atOffset(ZoneOffset.UTC);
  }

  public Long getId() {
    return id;
  }

  public Source getSource() {
    return source;
  }

  public int getOrdinal() {
    return ordinal;
  }

  public String getHeading() {
    return heading;
  }

  public String getText() {
    return text;
  }

  public String getEmbeddingModel() {
    return embeddingModel;
  }

  public float[] getVector() {
    return decode(embedding);
  }
}
