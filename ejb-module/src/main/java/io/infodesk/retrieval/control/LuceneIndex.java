package io.infodesk.retrieval.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.QueryBuilder;

/**
 * The Lucene index of chunks: BM25 over the text (English analysis) and HNSW over the MiniLM
 * vectors (dot product of unit vectors), each filtered to one domain. The database is the source of
 * truth; this index can always be rebuilt from it. Thread-safe.
 */
public final class LuceneIndex implements AutoCloseable {

  /** A chunk to index. */
  public record Entry(
      long chunkId, long sourceId, String domain, String heading, String text, float[] vector) {}

  /** One ranked hit: the chunk and its score in that ranking. */
  public record Hit(long chunkId, float score) {}

  /**
   * Which chunks of a source the index holds: chunks get new ids each time a source is ingested, so
   * the highest id and the count identify the version of its content.
   */
  public record Version(long maxChunkId, long chunks) {
    Version plus(Version other) {
      return new Version(Math.max(maxChunkId, other.maxChunkId), chunks + other.chunks);
    }

    public static Version of(Collection<Entry> entries) {
      long max = entries.stream().mapToLong(Entry::chunkId).max().orElse(-1);
      return new Version(max, entries.size());
    }
  }

  static final String ID = "chunk";
  static final String SOURCE = "source";
  static final String DOMAIN = "domain";
  static final String TEXT = "text";
  static final String VECTOR = "vector";
  static final String SOURCE_NUMBER = "source_n";
  static final String ID_NUMBER = "chunk_n";

  private final Directory directory;
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<Long, Version> held = new ConcurrentHashMap<>();

  /**
   * How the vector graph (HNSW) is built: each chunk's most connections, the candidates kept while
   * inserting one, and whether vectors are stored as 8-bit integers besides their floats.
   */
  public record VectorGraph(int maxConnections, int beamWidth, boolean int8) {

    /** Lucene's defaults, which the server uses (docs/benchmarks.md, "HNSW at 100k"). */
    public static final VectorGraph DEFAULT = new VectorGraph(16, 100, false);

    KnnVectorsFormat format() {
      return int8
          ? new Lucene99HnswScalarQuantizedVectorsFormat(maxConnections, beamWidth)
          : new Lucene99HnswVectorsFormat(maxConnections, beamWidth);
    }
  }

  private LuceneIndex(Directory directory, Similarity similarity, VectorGraph graph)
      throws IOException {
    this.directory = directory;
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setSimilarity(similarity);
    if (!graph.equals(VectorGraph.DEFAULT)) {
      KnnVectorsFormat format = graph.format();
      config.setCodec(
          new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
              return format;
            }
          });
    }
    this.writer = new IndexWriter(directory, config);
    this.searchers =
        new SearcherManager(
            writer,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                return searcher;
              }
            });
    readVersions();
  }

  /** Reads which chunks of each source the index holds, from the numeric fields of its chunks. */
  private void readVersions() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        NumericDocValues sources = leaf.reader().getNumericDocValues(SOURCE_NUMBER);
        NumericDocValues ids = leaf.reader().getNumericDocValues(ID_NUMBER);
        if (sources == null || ids == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = sources.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = sources.nextDoc()) {
          if ((live == null || live.get(doc)) && ids.advanceExact(doc)) {
            held.merge(sources.longValue(), new Version(ids.longValue(), 1), Version::plus);
          }
        }
      }
    } finally {
      searchers.release(s);
    }
  }

  /**
   * Opens the index in {@code dir} with Lucene's BM25 defaults (k1 1.2, b 0.75; on StackFAQ other
   * settings moved BM25 alone by up to 3.4 points of recall@1 and the tuned hybrid not at all,
   * docs/benchmarks.md). A missing index is created empty; a corrupt one is wiped and created
   * empty, and {@link #wasReset()} tells the caller to rebuild it from the database.
   */
  public static LuceneIndex open(Path dir) {
    return open(dir, new BM25Similarity());
  }

  /** Opens the index in {@code dir} with this keyword scoring (for the experiments). */
  public static LuceneIndex open(Path dir, Similarity similarity) {
    return open(dir, similarity, VectorGraph.DEFAULT);
  }

  /**
   * Opens the index in {@code dir} with this keyword scoring and vector graph (for the
   * experiments).
   */
  public static LuceneIndex open(Path dir, Similarity similarity, VectorGraph graph) {
    try {
      Files.createDirectories(dir);
      Directory directory = FSDirectory.open(dir);
      boolean healthy = true;
      if (DirectoryReader.indexExists(directory)) {
        try (CheckIndex check = new CheckIndex(directory)) {
          check.setChecksumsOnly(true);
          healthy = check.checkIndex().clean;
        } catch (Exception e) {
          healthy = false;
        }
      }
      if (!healthy) {
        directory.close();
        wipe(dir);
        directory = FSDirectory.open(dir);
      }
      LuceneIndex index = new LuceneIndex(directory, similarity, graph);
      index.reset = !healthy;
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index in " + dir, e);
    }
  }

  private boolean reset;

  public boolean wasReset() {
    return reset;
  }

  private static void wipe(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  private static Document document(Entry e) {
    Document doc = new Document();
    doc.add(new StringField(ID, Long.toString(e.chunkId()), Field.Store.YES));
    doc.add(new StringField(SOURCE, Long.toString(e.sourceId()), Field.Store.NO));
    doc.add(new NumericDocValuesField(SOURCE_NUMBER, e.sourceId()));
    doc.add(new NumericDocValuesField(ID_NUMBER, e.chunkId()));
    doc.add(new StringField(DOMAIN, e.domain(), Field.Store.NO));
    String body =
        e.heading() == null || e.heading().isBlank() ? e.text() : e.heading() + "\n" + e.text();
    doc.add(new TextField(TEXT, body, Field.Store.NO));
    doc.add(new KnnFloatVectorField(VECTOR, e.vector(), VectorSimilarityFunction.DOT_PRODUCT));
    return doc;
  }

  /**
   * Adds chunks of any sources (a rebuild, page by page), visible to searches after {@link
   * #publish()}.
   */
  public void add(Collection<Entry> entries) {
    try {
      for (Entry e : entries) {
        writer.updateDocument(new Term(ID, Long.toString(e.chunkId())), document(e));
        held.merge(e.sourceId(), new Version(e.chunkId(), 1), Version::plus);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Replaces all of a source's chunks with {@code entries} in one atomic operation: a search sees
   * either the old chunks or the new ones, never neither. Visible after {@link #publish()}.
   */
  public void replaceSource(long sourceId, Collection<Entry> entries) {
    try {
      writer.updateDocuments(
          new Term(SOURCE, Long.toString(sourceId)),
          entries.stream().map(LuceneIndex::document).toList());
      held.put(sourceId, Version.of(entries));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Removes a source's chunks; visible after {@link #publish()}. */
  public void deleteSource(long sourceId) {
    try {
      writer.deleteDocuments(new Term(SOURCE, Long.toString(sourceId)));
      held.remove(sourceId);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public void deleteAll() {
    try {
      writer.deleteAll();
      held.clear();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** The version of the source's content that the index holds, or null when it holds none. */
  public Version version(long sourceId) {
    return held.get(sourceId);
  }

  /** Commits the changes made so far and makes them visible to the next searches, all at once. */
  public void publish() {
    try {
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public int size() {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * At most this many keyword clauses in one query: a long question in a script without spaces
   * (each CJK character is a token) would otherwise exceed Lucene's limit of 1,024 clauses.
   */
  public static final int MAX_KEYWORD_CLAUSES = 256;

  /** BM25 ranking of the domain's chunks for the question's words. */
  public List<Hit> keyword(String domain, String question, int k) {
    return withSearcher(s -> search(s, keywordQuery(domain, question), k));
  }

  /** The BM25 query of a question within a domain, or null when no word of it is indexed. */
  private Query keywordQuery(String domain, String question) {
    List<String> terms = terms(question);
    Query text;
    if (terms.size() <= MAX_KEYWORD_CLAUSES) {
      text = new QueryBuilder(analyzer).createBooleanQuery(TEXT, question);
    } else {
      // the distinct terms in the order they come, as many as the cap allows
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      terms.stream()
          .distinct()
          .limit(MAX_KEYWORD_CLAUSES)
          .forEach(t -> b.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD));
      text = b.build();
    }
    if (text == null) {
      return null;
    }
    return new BooleanQuery.Builder()
        .add(text, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(DOMAIN, domain)), BooleanClause.Occur.FILTER)
        .build();
  }

  /** The analyzed terms of a text, in order. */
  private List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (var stream = analyzer.tokenStream(TEXT, text)) {
      var term =
          stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The keyword and the vector ranking of one question. */
  public record Rankings(List<Hit> keyword, List<Hit> vector) {}

  /**
   * Both rankings of a question in a domain, from one view of the index: rank fusion adds a chunk's
   * two ranks, so a source replaced between the two searches would have its old chunks in one
   * ranking and its new ones in the other, each with half its score.
   */
  public Rankings rankings(String domain, String question, float[] vector, int k) {
    return withSearcher(
        s ->
            new Rankings(
                search(s, keywordQuery(domain, question), k),
                search(s, nearest(domain, vector, k), k)));
  }

  /** Nearest chunks of the domain to the question's vector (HNSW). */
  public List<Hit> vector(String domain, float[] vector, int k) {
    return withSearcher(s -> search(s, nearest(domain, vector, k), k));
  }

  /** The nearest {@code k} of the {@code explored} chunks the graph search finds (experiments). */
  public List<Hit> vector(String domain, float[] vector, int k, int explored) {
    return withSearcher(s -> search(s, vectorQuery(domain, vector, explored), k));
  }

  /**
   * The graph search looks for this many times the chunks asked for and keeps the best: at 100k
   * chunks, asking the graph for 40 to keep 20 found 97.3% of the exact 20 nearest instead of
   * 94.0%, for 0.3 ms more per search (docs/benchmarks.md, "HNSW at 100k chunks").
   */
  static final int EXPLORE = 2;

  /** The graph search for the nearest {@code k}, exploring {@link #EXPLORE} times as many. */
  private static Query nearest(String domain, float[] vector, int k) {
    return vectorQuery(domain, vector, EXPLORE * k);
  }

  private static Query vectorQuery(String domain, float[] vector, int explored) {
    return new KnnFloatVectorQuery(
        VECTOR, vector, explored, new TermQuery(new Term(DOMAIN, domain)));
  }

  private interface Search<T> {
    T on(IndexSearcher searcher) throws IOException;
  }

  /** Runs {@code search} on the current view of the index, which no publish changes meanwhile. */
  private <T> T withSearcher(Search<T> search) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return search.on(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Hit> search(IndexSearcher s, Query query, int k) throws IOException {
    if (query == null) {
      return List.of();
    }
    TopDocs top = s.search(query, k);
    List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
    var stored = s.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      hits.add(new Hit(Long.parseLong(stored.document(sd.doc).get(ID)), sd.score));
    }
    return hits;
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      // closing at shutdown
    }
  }
}
