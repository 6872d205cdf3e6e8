package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.control.Chunker;
import io.infodesk.knowledge.control.DocumentParser;
import io.infodesk.knowledge.control.SourceSteps;
import io.infodesk.knowledge.control.VectorReuse;
import io.infodesk.knowledge.entity.Chunk;
import io.infodesk.knowledge.entity.SourceIndexed;
import io.infodesk.knowledge.entity.SourceRetired;
import io.infodesk.platform.boundary.EmbeddingService;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ingests one source in the background: Tika parsing, heading-aware chunking, MiniLM embedding in
 * batches of the texts the model has not embedded before ({@link VectorReuse}), chunks stored in
 * the database (the source of truth), then indexed in Lucene by retrieval, which observes {@link
 * SourceIndexed}.
 */
@Stateless
@PermitAll
public class IngestionService {

  private static final Logger LOG = Logger.getLogger(IngestionService.class.getName());
  public static final int MAX_TEXT_CHARACTERS = 2_000_000;
  static final int BATCH = 16;

  static final DocumentParser PARSER = new DocumentParser(MAX_TEXT_CHARACTERS);
  static final Chunker CHUNKER = new Chunker(180, 30);

  @Inject SourceSteps steps;
  @Inject IngestionAdmission admission;
  @EJB EmbeddingService embeddings;
  @Inject Event<SourceIndexed> indexed;
  @Inject Event<SourceRetired> withdrawn;

  /**
   * Queues the source for ingestion on this node and returns: at most {@code
   * infodesk.ingestion.concurrency} sources are ingested at once, in the order they came ({@link
   * IngestionAdmission}).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void ingest(long sourceId) {
    admission.queue(sourceId);
  }

  /** Runs a worker of the ingestion queue on one of the container's background threads. */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void work(Runnable worker) {
    worker.run();
  }

  /** Ingests one source now, on the caller's thread; its failure is recorded on the source. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void process(long sourceId) {
    long start = System.nanoTime();
    Map<String, Long> stages = new LinkedHashMap<>();
    try {
      Parsed parsed = admission.admit(() -> parse(sourceId));
      if (parsed.rejected() != null) {
        steps.fail(sourceId, parsed.rejected());
        return;
      }
      DocumentParser.ParsedDocument doc = parsed.document();
      List<Chunker.Chunk> drafts = parsed.drafts();
      if (drafts.isEmpty()) {
        steps.fail(sourceId, "the document has headings but no text to index");
        return;
      }
      steps.parsed(sourceId, doc.title(), doc.mediaType(), doc.text());
      long t = lap(stages, "parse", start);
      VectorReuse.Vectors vectors = vectors(drafts);
      t = lap(stages, "embed", t);
      List<Chunk> chunks =
          steps.store(sourceId, drafts, vectors.vectors(), embeddings.modelVersion());
      t = lap(stages, "store", t);
      indexed.fire(new SourceIndexed(sourceId, chunks));
      lap(stages, "index", t);
      steps.indexed(
          sourceId, chunks.size(), vectors.reused(), stages, readability(sourceId, drafts));
      LOG.info(
          () ->
              "Indexed source "
                  + sourceId
                  + " ("
                  + chunks.size()
                  + " chunks, "
                  + vectors.reused()
                  + " of their vectors reused) in "
                  + (System.nanoTime() - start) / 1_000_000
                  + " ms ("
                  + stages.entrySet().stream()
                      .map(stage -> stage.getKey() + " " + stage.getValue() / 1000 + " ms")
                      .collect(java.util.stream.Collectors.joining(", "))
                  + ")");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Ingestion of source " + sourceId + " failed", e);
      withdrawn.fire(new SourceRetired(sourceId));
      steps.fail(sourceId, "ingestion failed: " + e.getMessage());
    }
  }

  /**
   * Embeds an INDEXED source's chunks again with this node's model and replaces them, the source
   * staying INDEXED and searchable throughout. Returns how many chunks it re-embedded: none when
   * the source is no longer INDEXED or changed meanwhile (see {@link SourceSteps#reembedded}).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int reembed(long sourceId) {
    Optional<SourceSteps.Embedded> before = steps.embedded(sourceId);
    if (before.isEmpty()) {
      return 0;
    }
    float[][] vectors = vectors(before.get().drafts()).vectors();
    Optional<List<Chunk>> chunks =
        steps.reembedded(sourceId, before.get(), vectors, embeddings.modelVersion());
    chunks.ifPresent(c -> indexed.fire(new SourceIndexed(sourceId, c)));
    return chunks.map(List::size).orElse(0);
  }

  /**
   * Records the wall time since {@code since} as {@code stage}'s, in microseconds, and returns now.
   * The stages, in order, include waiting for their turn: parse (the turn, Tika, chunking, the
   * parsed text stored), embed (vectors looked up by text, the turn, MiniLM), store (the chunks
   * written to the database), index (Lucene: added and searchable).
   */
  private static long lap(Map<String, Long> stages, String stage, long since) {
    long now = System.nanoTime();
    stages.put(stage, (now - since) / 1000);
    return now;
  }

  /** Chunks whose word pieces say whether MiniLM reads a document's language. */
  static final int READABILITY_SAMPLE = 200;

  /**
   * Null where MiniLM reads the document's language; otherwise what it means for the owner
   * (docs/operations.md, "Languages"), from its first {@link #READABILITY_SAMPLE} chunks.
   */
  private String readability(long sourceId, List<Chunker.Chunk> drafts) {
    java.util.OptionalDouble unreadable =
        embeddings.unreadableShare(
            drafts.stream().limit(READABILITY_SAMPLE).map(Chunker.Chunk::text).toList());
    if (unreadable.isEmpty()) {
      return null;
    }
    String warning =
        String.format(
            java.util.Locale.ROOT,
            "MiniLM's vocabulary does not know %.0f%% of this document's word pieces (a script it"
                + " cannot read, such as Chinese or Thai): semantic search cannot tell its passages"
                + " apart, so questions find them by their keywords only (docs/operations.md,"
                + " \"Languages\")",
            100 * unreadable.getAsDouble());
    LOG.warning(() -> "Source " + sourceId + ": " + warning);
    return warning;
  }

  /** A parsed and chunked document, or why the parser rejected it. */
  private record Parsed(
      DocumentParser.ParsedDocument document, List<Chunker.Chunk> drafts, String rejected) {}

  /** Marks the source PARSING, then parses and chunks it. */
  private Parsed parse(long sourceId) {
    SourceSteps.Work work = steps.startParsing(sourceId);
    try {
      DocumentParser.ParsedDocument doc = PARSER.parse(work.bytes(), work.filename());
      return new Parsed(doc, CHUNKER.chunk(doc.text()), null);
    } catch (DocumentParser.RejectedDocumentException e) {
      return new Parsed(null, List.of(), e.getMessage());
    }
  }

  /**
   * The chunks' vectors (a chunk's heading is embedded with its text): those this node's model
   * already made of identical texts are read from the database, the others embedded in batches in
   * this source's turn, which a source with nothing new does not wait for.
   */
  private VectorReuse.Vectors vectors(List<Chunker.Chunk> drafts) {
    String model = embeddings.modelVersion();
    return VectorReuse.vectors(
        drafts.stream().map(c -> Chunk.embeddedText(c.heading(), c.text())).toList(),
        hashes -> steps.knownVectors(hashes, model),
        texts -> admission.admit(() -> embed(texts)));
  }

  private float[][] embed(List<String> texts) {
    float[][] vectors = new float[texts.size()][];
    for (int from = 0; from < texts.size(); from += BATCH) {
      float[][] batch =
          embeddings.embedAll(
              List.copyOf(texts.subList(from, Math.min(texts.size(), from + BATCH))));
      System.arraycopy(batch, 0, vectors, from, batch.length);
    }
    return vectors;
  }
}
