package io.infodesk.retrieval.boundary;

import io.infodesk.knowledge.boundary.ChunkStore;
import io.infodesk.knowledge.entity.Chunk;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.knowledge.entity.SourceIndexed;
import io.infodesk.knowledge.entity.SourceRetired;
import io.infodesk.knowledge.entity.SourceStatus;
import io.infodesk.platform.boundary.EmbeddingService;
import io.infodesk.platform.control.Settings;
import io.infodesk.platform.control.StartupState;
import io.infodesk.platform.control.Text;
import io.infodesk.retrieval.control.LuceneIndex;
import io.infodesk.retrieval.control.RankFusion;
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
import jakarta.enterprise.event.Observes;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  @Inject ChunkStore store;
  @Inject Config config;
  @Resource SessionContext context;

  private LuceneIndex index;
  private volatile boolean rebuilding;

  /**
   * Sources indexed or retired while a rebuild pages through the database: a page may have read
   * such a source's chunks before it changed, so the rebuild replaces them once more at its end.
   */
  private final Set<Long> changedDuringRebuild = ConcurrentHashMap.newKeySet();

  private volatile Instant syncedUntil = Instant.now();

  /** How far back each look goes before the previous one: in-flight transactions, clock skew. */
  static final Duration SYNC_OVERLAP = Duration.ofSeconds(15);

  /**
   * How long a re-ingested source's old chunks stay in the database: long enough for every node's
   * sync (every 10 s, plus clock skew and a slow tick) to have replaced them in its index.
   */
  static final Duration SUPERSEDED_GRACE = Duration.ofMinutes(2);

  @PostConstruct
  void open() {
    syncedUntil = Instant.now();
    Path dir = Path.of(config.getValue(Settings.DATA_DIR, String.class), "index");
    try {
      index = LuceneIndex.open(dir);
    } catch (RuntimeException e) {
      // the readiness probe reports it as failed, not as still starting
      StartupState.failed(SearchService.class, e.getMessage());
      throw e;
    }
    long stored = store.countIndexable();
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
    StartupState.started(SearchService.class);
  }

  /** Re-creates the whole index from the database's indexed chunks. */
  @Asynchronous
  public void rebuild() {
    long started = System.nanoTime();
    rebuilding = true;
    changedDuringRebuild.clear();
    try {
      index.deleteAll();
      long after = 0;
      int total = 0;
      while (true) {
        // keyset paging: each page starts after the last id, so no page re-reads the ones before
        ChunkStore.IndexPage page = store.indexablePage(after, 500);
        if (page.last() == after) {
          break;
        }
        index.add(page.rows().stream().map(SearchService::entry).toList());
        total += page.rows().size();
        after = page.last();
      }
      for (Long id : changedDuringRebuild) {
        if (store.source(id).map(s -> s.getStatus() == SourceStatus.INDEXED).orElse(false)) {
          index.replaceSource(id, store.current(id).stream().map(SearchService::entry).toList());
        } else {
          index.deleteSource(id);
        }
      }
      em.clear();
      index.publish();
      LOG.info(
          "Search index rebuilt with "
              + index.size()
              + " chunks ("
              + total
              + " read, "
              + changedDuringRebuild.size()
              + " sources changed meanwhile) in "
              + (System.nanoTime() - started) / 1_000_000
              + " ms");
    } finally {
      rebuilding = false;
    }
  }

  /**
   * Every node keeps its own index. Every 10 seconds each node re-reads the sources that any node
   * changed since its last look: an INDEXED source whose current chunks differ from the ones the
   * index holds has them replaced atomically, a RETIRED or FAILED source leaves the index. Sources
   * the index already holds as they are (this node ingested them, or an earlier tick did) are
   * skipped, and the tick publishes its changes in one commit. So an upload, re-index or retirement
   * on one node reaches the whole cluster within seconds; sources still being ingested keep their
   * previous chunks, and a source is never missing from search while it is replaced.
   */
  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "index-sync")
  void syncFromDatabase() {
    if (rebuilding) {
      return;
    }
    Instant now = Instant.now();
    List<ChunkStore.SourceChange> changed = store.changedSince(syncedUntil.minus(SYNC_OVERLAP));
    List<Long> indexed = new ArrayList<>();
    boolean dirty = false;
    for (ChunkStore.SourceChange change : changed) {
      long id = change.sourceId();
      SourceStatus status = change.status();
      if (status == SourceStatus.INDEXED) {
        indexed.add(id);
      } else if ((status == SourceStatus.RETIRED || status == SourceStatus.FAILED)
          && index.version(id) != null) {
        index.deleteSource(id);
        dirty = true;
      }
    }
    for (int from = 0; from < indexed.size(); from += 500) {
      List<Long> ids = indexed.subList(from, Math.min(indexed.size(), from + 500));
      for (ChunkStore.ChunkVersion row : store.versions(ids)) {
        long id = row.sourceId();
        var current = new LuceneIndex.Version(row.maxChunkId(), row.chunks());
        if (!current.equals(index.version(id))) {
          List<Chunk> chunks = store.current(id);
          index.replaceSource(id, chunks.stream().map(SearchService::entry).toList());
          dirty = true;
        }
      }
    }
    if (dirty) {
      index.publish();
    }
    store.deleteSuperseded(now.minus(SUPERSEDED_GRACE));
    syncedUntil = now;
    em.clear();
  }

  public boolean isRebuilding() {
    return rebuilding;
  }

  public int indexSize() {
    return index.size();
  }

  /**
   * Replaces a source's chunks in this node's index atomically and makes them searchable. Observed
   * synchronously: ingestion marks the source INDEXED only after this returns.
   */
  public void indexed(@Observes SourceIndexed event) {
    if (rebuilding) {
      changedDuringRebuild.add(event.sourceId());
    }
    index.replaceSource(
        event.sourceId(), event.chunks().stream().map(SearchService::entry).toList());
    index.publish();
  }

  /**
   * Removes a source from this node's index; no search started after the event was fired cites it.
   */
  public void retired(@Observes SourceRetired event) {
    if (rebuilding) {
      changedDuringRebuild.add(event.sourceId());
    }
    index.deleteSource(event.sourceId());
    index.publish();
  }

  static LuceneIndex.Entry entry(ChunkStore.IndexRow r) {
    return new LuceneIndex.Entry(
        r.chunkId(), r.sourceId(), r.domain(), r.heading(), r.text(), r.vector());
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

  /**
   * The two rankings of a question in a domain, before fusion, from one view of the index (for
   * search, tuning and benchmarks).
   */
  public LuceneIndex.Rankings rankings(String domainKey, String question, float[] vector, int k) {
    return index.rankings(domainKey, question, vector, k);
  }

  /** The best {@code k} passages of the domain for the question, with scores and snippets. */
  public List<Passage> search(Domain domain, String question, float[] vector, int k) {
    LuceneIndex.Rankings r = rankings(domain.getKey(), question, vector, CANDIDATES);
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
    Map<Long, ChunkStore.CitableChunk> chunks = new HashMap<>();
    store.citable(ids).forEach(c -> chunks.put(c.chunkId(), c));
    List<Passage> passages = new ArrayList<>();
    for (RankFusion.Fused f : fused.subList(0, ids.size())) {
      ChunkStore.CitableChunk c = chunks.get(f.chunkId());
      if (c == null) {
        // deleted, or its source retired or failed on another node whose change this node's
        // index has not yet followed
        continue;
      }
      double similarity = EmbeddingService.similarity(vector, c.vector());
      passages.add(
          new Passage(
              c.chunkId(),
              c.sourceId(),
              c.sourceTitle(),
              c.heading(),
              c.text(),
              f.score(),
              similarity,
              Text.highlight(c.text(), question, 2)));
    }
    return passages;
  }

  @PreDestroy
  void close() {
    index.close();
  }
}
