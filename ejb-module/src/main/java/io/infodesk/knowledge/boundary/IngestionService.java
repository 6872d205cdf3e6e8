package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.control.Chunker;
import io.infodesk.knowledge.control.DocumentParser;
import io.infodesk.knowledge.control.SourceSteps;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ingests one source in the background: Tika parsing, heading-aware chunking, MiniLM embedding in
 * batches, chunks stored in the database (the source of truth), then indexed in Lucene by
 * retrieval, which observes {@link SourceIndexed}.
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

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void ingest(long sourceId) {
    long start = System.nanoTime();
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
      float[][] vectors = admission.admit(() -> embed(drafts));
      List<Chunk> chunks = steps.store(sourceId, drafts, vectors, embeddings.modelVersion());
      indexed.fire(new SourceIndexed(sourceId, chunks));
      steps.indexed(sourceId, chunks.size());
      LOG.info(
          () ->
              "Indexed source "
                  + sourceId
                  + " ("
                  + chunks.size()
                  + " chunks) in "
                  + (System.nanoTime() - start) / 1_000_000
                  + " ms");
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
    float[][] vectors = admission.admit(() -> embed(before.get().drafts()));
    Optional<List<Chunk>> chunks =
        steps.reembedded(sourceId, before.get(), vectors, embeddings.modelVersion());
    chunks.ifPresent(c -> indexed.fire(new SourceIndexed(sourceId, c)));
    return chunks.map(List::size).orElse(0);
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

  /** The chunks' vectors, embedded in batches; a chunk's heading is embedded with its text. */
  private float[][] embed(List<Chunker.Chunk> drafts) {
    float[][] vectors = new float[drafts.size()][];
    for (int from = 0; from < drafts.size(); from += BATCH) {
      List<String> texts = new ArrayList<>();
      for (Chunker.Chunk c : drafts.subList(from, Math.min(drafts.size(), from + BATCH))) {
        texts.add(c.heading().isBlank() ? c.text() : c.heading() + ": " + c.text());
      }
      float[][] batch = embeddings.embedAll(texts);
      System.arraycopy(batch, 0, vectors, from, batch.length);
    }
    return vectors;
  }
}
