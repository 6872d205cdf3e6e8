package io.infodesk.retrieval.boundary;

import io.infodesk.knowledge.entity.Chunk;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.knowledge.entity.Source;
import io.infodesk.knowledge.entity.SourceStatus;
import io.infodesk.platform.control.Settings;
import io.infodesk.retrieval.control.LuceneIndex;
import io.infodesk.retrieval.control.RankFusion;
import io.infodesk.retrieval.control.Snippets;
import io.infodesk.retrieval.entity.Passage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Hybrid search within a domain: Lucene BM25 and HNSW vectors fused by weighted reciprocal rank
 * fusion with the domain's tuned weights. Owns the node's Lucene index, which it rebuilds from the
 * database at start-up when it is missing, corrupt or out of step.
 */
@Singleton
@Startup
@DependsOn("AccountBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SearchService {

  private static final Logger LOG = Logger.getLogger(SearchService.class.getName());
  static final int CANDIDATES = 20;

  @PersistenceContext EntityManager em;
  @Inject Config config;
  @Resource SessionContext context;

  private LuceneIndex index;
  private volatile boolean rebuilding;
  private volatile Instant syncedUntil = Instant.now();

  /** How far back each look goes before the previous one: in-flight transactions, clock skew. */
  static final Duration SYNC_OVERLAP = Duration.ofSeconds(15);

  @PostConstruct
  void open() {
    syncedUntil = Instant.now();
    Path dir = Path.of(config.getValue(Settings.DATA_DIR, String.class), "index");
    index = LuceneIndex.open(dir);
    long stored = em.createNamedQuery(Chunk.COUNT_INDEXABLE, Long.class).getSingleResult();
    if (index.wasReset() || index.size() != stored) {
      LOG.warning(
          "Search index "
              + (index.wasReset()
                  ? "was corrupt"
                  : "has " + index.size() + " chunks, the database " + stored)
              + "; rebuilding it from the database");
      rebuilding = true;
      context.getBusinessObject(SearchService.class).rebuild();
    }
  }

  /** Re-creates the whole index from the database's indexed chunks. */
  @Asynchronous
  public void rebuild() {
    rebuilding = true;
    try {
      index.deleteAll();
      int first = 0;
      int total = 0;
      while (true) {
        List<Chunk> page =
            em.createNamedQuery(Chunk.FIND_INDEXABLE, Chunk.class)
                .setFirstResult(first)
                .setMaxResults(500)
                .getResultList();
        if (page.isEmpty()) {
          break;
        }
        index.add(page.stream().map(SearchService::entry).toList());
        total += page.size();
        first += page.size();
        em.clear();
      }
      LOG.info("Search index rebuilt with " + total + " chunks");
    } finally {
      rebuilding = false;
    }
  }

  /**
   * Every node keeps its own index. Every 10 seconds each node re-reads the sources that any node
   * changed since its last look: an INDEXED source's chunks replace its old ones, a RETIRED or
   * FAILED source leaves the index. So an upload, re-index or retirement on one node reaches the
   * whole cluster within seconds; sources still being ingested keep their previous chunks.
   */
  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "index-sync")
  void syncFromDatabase() {
    if (rebuilding) {
      return;
    }
    Instant now = Instant.now();
    List<Source> changed =
        em.createNamedQuery(Source.FIND_CHANGED_SINCE, Source.class)
            .setParameter("since", syncedUntil.minus(SYNC_OVERLAP))
            .getResultList();
    for (Source s : changed) {
      if (s.getStatus() == SourceStatus.INDEXED) {
        List<Chunk> chunks =
            em.createNamedQuery(Chunk.FIND_BY_SOURCE, Chunk.class)
                .setParameter("source", s.getId())
                .getResultList();
        index.deleteSource(s.getId());
        index.add(chunks.stream().map(SearchService::entry).toList());
      } else if (s.getStatus() == SourceStatus.RETIRED || s.getStatus() == SourceStatus.FAILED) {
        index.deleteSource(s.getId());
      }
    }
    syncedUntil = now;
    em.clear();
  }

  public boolean isRebuilding() {
    return rebuilding;
  }

  public int indexSize() {
    return index.size();
  }

  /** Adds (or replaces) a source's chunks in the index. */
  public void index(List<Chunk> chunks) {
    index.add(chunks.stream().map(SearchService::entry).toList());
  }

  public void removeSource(long sourceId) {
    index.deleteSource(sourceId);
  }

  static LuceneIndex.Entry entry(Chunk c) {
    return new LuceneIndex.Entry(
        c.getId(),
        c.getSource().getId(),
        c.getSource().getDomain().getKey(),
        c.getHeading(),
        c.getText(),
        c.getVector());
  }

  /** The two rankings of a question in a domain, before fusion (for tuning and benchmarks). */
  public record Rankings(List<LuceneIndex.Hit> keyword, List<LuceneIndex.Hit> vector) {}

  public Rankings rankings(String domainKey, String question, float[] vector, int k) {
    return new Rankings(index.keyword(domainKey, question, k), index.vector(domainKey, vector, k));
  }

  /** The best {@code k} passages of the domain for the question, with scores and snippets. */
  public List<Passage> search(Domain domain, String question, float[] vector, int k) {
    Rankings r = rankings(domain.getKey(), question, vector, CANDIDATES);
    List<RankFusion.Fused> fused =
        RankFusion.fuse(
            r.keyword(),
            domain.getKeywordWeight(),
            r.vector(),
            domain.getVectorWeight(),
            RankFusion.DEFAULT_K);
    List<Long> ids = fused.stream().limit(k).map(RankFusion.Fused::chunkId).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Chunk> chunks = new HashMap<>();
    em.createNamedQuery(Chunk.FIND_BY_IDS, Chunk.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(c -> chunks.put(c.getId(), c));
    List<Passage> passages = new ArrayList<>();
    for (RankFusion.Fused f : fused.subList(0, ids.size())) {
      Chunk c = chunks.get(f.chunkId());
      if (c == null) {
        continue;
      }
      double similarity = EmbeddingService.similarity(vector, c.getVector());
      passages.add(
          new Passage(
              c.getId(),
              c.getSource().getId(),
              c.getSource().getTitle(),
              c.getHeading(),
              c.getText(),
              f.score(),
              similarity,
              Snippets.highlight(c.getText(), question, 2)));
    }
    return passages;
  }

  @PreDestroy
  void close() {
    index.close();
  }
}
