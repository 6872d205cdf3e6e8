package io.infodesk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.infodesk.knowledge.control.Chunker;
import io.infodesk.knowledge.control.DocumentParser;
import io.infodesk.platform.control.MiniLmEmbedder;
import io.infodesk.retrieval.control.LuceneIndex;
import io.infodesk.retrieval.control.LuceneIndex.VectorGraph;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vector graph's parameters at 100k chunks: recall of the server's vector search (the 20
 * candidates {@code SearchService} asks for, filtered to one domain) against exact search, query
 * latency on one thread, build time and size, for HNSW settings around Lucene's defaults and the
 * 8-bit vector format. The vectors are real: the default 8-bit MiniLM embeddings of 100k distinct
 * short passages (28 words) of the Python and PostgreSQL documentation (Debian's python3-doc and
 * postgresql-doc-15, or {@code -Dbench.corpus=DIR:DIR}), so that embedding them takes minutes, not
 * the hour 100k full chunks would; 1,000 further passages are the queries. The vectors are cached
 * in target/hnsw-sweep. Writes target/benchmarks/hnsw-sweep.md. Skips without the corpus.
 */
@Tag("experiment")
class HnswSweepExperiment {

  static final int CHUNKS = Integer.getInteger("bench.chunks", 100_000);
  static final int WORDS = Integer.getInteger("bench.words", 28);
  static final int QUERIES = 1_000;

  /**
   * {@code -Dbench.questions=N}: the queries are N employees' questions about the Python library's
   * modules instead of passages (bench/ingest-corpus.sh asks the same), and only the default
   * graph's two searches are compared.
   */
  static final int QUESTIONS = Integer.getInteger("bench.questions", 0);

  static final int K = 20; // SearchService.CANDIDATES
  static final String DOMAIN = "py";

  @TempDir Path work;

  /** A graph and how many chunks its search looks for, of which it keeps the best K. */
  record Setting(String name, VectorGraph graph, int explore) {}

  record Result(
      Setting setting,
      double buildSeconds,
      int segments,
      long bytes,
      double recallAtK,
      double top1,
      double p50Micros,
      double p99Micros) {}

  @Test
  void sweep() throws Exception {
    List<Path> corpus = new ArrayList<>();
    for (String dir :
        System.getProperty(
                "bench.corpus",
                "/usr/share/doc/python3-doc/html:/usr/share/doc/postgresql-doc-15/html")
            .split(":")) {
      if (Files.isDirectory(Path.of(dir))) {
        corpus.add(Path.of(dir).toRealPath());
      }
    }
    assumeTrue(!corpus.isEmpty(), "no corpus: apt-get install python3-doc postgresql-doc-15");
    float[][] all = vectors(passages(corpus));
    assumeTrue(all.length > QUERIES + 1_000, "too few passages in " + corpus);
    float[][] queries =
        QUESTIONS > 0 ? vectors(questions(corpus, QUESTIONS)) : Arrays.copyOfRange(all, 0, QUERIES);
    float[][] chunks = Arrays.copyOfRange(all, QUERIES, all.length);
    System.out.printf("%,d chunks, %,d queries%n", chunks.length, queries.length);
    int[][] exact = exact(chunks, queries);

    List<Setting> sweep =
        List.of(
            new Setting("M 16, beam 100 (Lucene's defaults), search 20", VectorGraph.DEFAULT, K),
            new Setting("M 16, beam 100, search 40 keep 20 (in use)", VectorGraph.DEFAULT, 2 * K),
            new Setting("M 8, beam 100", new VectorGraph(8, 100, false), K),
            new Setting("M 32, beam 100", new VectorGraph(32, 100, false), K),
            new Setting("M 16, beam 50", new VectorGraph(16, 50, false), K),
            new Setting("M 16, beam 200", new VectorGraph(16, 200, false), K),
            new Setting("M 16, beam 100, 8-bit vectors", new VectorGraph(16, 100, true), K));
    List<Setting> settings = QUESTIONS > 0 ? sweep.subList(0, 2) : sweep;
    List<Result> results = new ArrayList<>();
    Path built = null;
    VectorGraph builtGraph = null;
    double builtSeconds = 0;
    for (Setting s : settings) {
      if (!s.graph().equals(builtGraph)) {
        built = work.resolve("index-" + results.size());
        builtSeconds = build(built, s.graph(), chunks);
        builtGraph = s.graph();
      }
      Result r = measure(s, built, builtSeconds, queries, exact);
      System.out.println(row(r));
      results.add(r);
    }
    write(chunks.length, queries.length, results);
    // a broken graph or query (a wrong similarity, vectors not normalised) scores far lower
    assertThat(results.get(0).recallAtK()).isGreaterThan(0.8);
  }

  /** Distinct passages of WORDS words of the corpus, shuffled, at most CHUNKS + QUERIES. */
  static List<String> passages(List<Path> corpus) throws IOException {
    DocumentParser parser = new DocumentParser(2_000_000);
    Chunker chunker = new Chunker(WORDS, 0);
    Set<String> texts = new LinkedHashSet<>();
    List<Path> html = new ArrayList<>();
    for (Path dir : corpus) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(p -> p.toString().endsWith(".html")).sorted().forEach(html::add);
      }
    }
    for (Path f : html) {
      try {
        for (Chunker.Chunk c :
            chunker.chunk(parser.parse(Files.readAllBytes(f), f.getFileName().toString()).text())) {
          if (c.text().split("\\s+").length >= 8) {
            texts.add(c.text());
          }
        }
      } catch (DocumentParser.RejectedDocumentException e) {
        // not a document ingestion would index either
      }
    }
    List<String> out = new ArrayList<>(texts);
    Collections.shuffle(out, new Random(42));
    return out.subList(0, Math.min(out.size(), CHUNKS + QUERIES));
  }

  /**
   * Questions about the first {@code n} modules of the Python library documentation in the corpus,
   * as bench/ingest-corpus.sh asks them.
   */
  static List<String> questions(List<Path> corpus, int n) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path dir : corpus) {
      Path library = dir.resolve("library");
      if (Files.isDirectory(library)) {
        try (Stream<Path> files = Files.list(library)) {
          files
              .map(f -> f.getFileName().toString())
              .filter(name -> name.endsWith(".html"))
              .sorted()
              .limit(n)
              .forEach(
                  name ->
                      out.add(
                          "What does the Python "
                              + name.substring(0, name.length() - 5)
                              + " module do and how do I use it?"));
        }
      }
    }
    assumeTrue(!out.isEmpty(), "no Python library documentation in " + corpus);
    return out;
  }

  /** The passages' vectors, from the cache when it holds them for these passages. */
  static float[][] vectors(List<String> passages) throws IOException {
    Path cache =
        Path.of(
            "target",
            "hnsw-sweep",
            MiniLmEmbedder.QUANTIZED + "-" + passages.size() + "-" + passages.hashCode() + ".bin");
    if (Files.exists(cache)) {
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
        float[][] v = new float[in.readInt()][];
        for (int i = 0; i < v.length; i++) {
          v[i] = new float[in.readInt()];
          for (int j = 0; j < v[i].length; j++) {
            v[i][j] = in.readFloat();
          }
        }
        return v;
      }
    }
    MiniLmEmbedder embedder =
        MiniLmEmbedder.load(
            Path.of("target", "models", MiniLmEmbedder.QUANTIZED),
            HnswSweepExperiment.class.getClassLoader(),
            MiniLmEmbedder.QUANTIZED);
    float[][] v = new float[passages.size()][];
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      pool.submit(
              () ->
                  IntStream.range(0, v.length)
                      .parallel()
                      .forEach(
                          i -> {
                            v[i] = embedder.embed(passages.get(i));
                            int n = done.incrementAndGet();
                            if (n % 10_000 == 0) {
                              System.out.printf(
                                  "embedded %,d of %,d passages in %.0f s%n",
                                  n, v.length, (System.nanoTime() - start) / 1e9);
                            }
                          }))
          .join();
    } finally {
      pool.shutdown();
    }
    Files.createDirectories(cache.getParent());
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
      out.writeInt(v.length);
      for (float[] x : v) {
        out.writeInt(x.length);
        for (float f : x) {
          out.writeFloat(f);
        }
      }
    }
    return v;
  }

  /** Each query's K nearest chunks by exact search (dot product of unit vectors). */
  static int[][] exact(float[][] chunks, float[][] queries) {
    int[][] top = new int[queries.length][];
    IntStream.range(0, queries.length)
        .parallel()
        .forEach(
            q -> {
              float[] scores = new float[chunks.length];
              for (int c = 0; c < chunks.length; c++) {
                float dot = 0;
                for (int j = 0; j < queries[q].length; j++) {
                  dot += queries[q][j] * chunks[c][j];
                }
                scores[c] = dot;
              }
              top[q] =
                  IntStream.range(0, chunks.length)
                      .boxed()
                      .sorted((a, b) -> Float.compare(scores[b], scores[a]))
                      .limit(K)
                      .mapToInt(Integer::intValue)
                      .toArray();
            });
    return top;
  }

  /** Indexes the chunks as the server's rebuild does (pages of 500, one publish); seconds taken. */
  static double build(Path dir, VectorGraph graph, float[][] chunks) {
    long start = System.nanoTime();
    try (LuceneIndex index = LuceneIndex.open(dir, new BM25Similarity(), graph)) {
      List<LuceneIndex.Entry> page = new ArrayList<>();
      for (int i = 0; i < chunks.length; i++) {
        page.add(new LuceneIndex.Entry(i, i / 40, DOMAIN, "", "passage " + i, chunks[i]));
        if (page.size() == 500) {
          index.add(page);
          page.clear();
        }
      }
      index.add(page);
      index.publish();
    } // closing waits for the merges
    return (System.nanoTime() - start) / 1e9;
  }

  static Result measure(Setting s, Path dir, double buildSeconds, float[][] queries, int[][] exact)
      throws IOException {
    int segments;
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      segments = r.leaves().size();
    }
    long bytes;
    try (Stream<Path> files = Files.list(dir)) {
      bytes = files.mapToLong(f -> f.toFile().length()).sum();
    }
    try (LuceneIndex index = LuceneIndex.open(dir)) {
      for (float[] q : queries) { // warm-up: the JIT and the page cache
        index.vector(DOMAIN, q, K, s.explore());
      }
      long[] nanos = new long[queries.length];
      int found = 0;
      int top1 = 0;
      for (int q = 0; q < queries.length; q++) {
        long start = System.nanoTime();
        List<LuceneIndex.Hit> hits = index.vector(DOMAIN, queries[q], K, s.explore());
        nanos[q] = System.nanoTime() - start;
        Set<Long> truth = new HashSet<>();
        Arrays.stream(exact[q]).forEach(c -> truth.add((long) c));
        found += (int) hits.stream().limit(K).filter(h -> truth.contains(h.chunkId())).count();
        if (!hits.isEmpty() && hits.get(0).chunkId() == exact[q][0]) {
          top1++;
        }
      }
      Arrays.sort(nanos);
      return new Result(
          s,
          buildSeconds,
          segments,
          bytes,
          found / (double) (K * queries.length),
          top1 / (double) queries.length,
          nanos[nanos.length / 2] / 1e3,
          nanos[(int) (nanos.length * 0.99)] / 1e3);
    }
  }

  static String row(Result r) {
    return String.format(
        "| %s | %.1f | %d | %.0f | %.3f | %.3f | %.0f | %.0f |",
        r.setting().name(),
        r.buildSeconds(),
        r.segments(),
        r.bytes() / 1048576.0,
        r.recallAtK(),
        r.top1(),
        r.p50Micros(),
        r.p99Micros());
  }

  static void write(int chunks, int queries, List<Result> results) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            "%,d chunks, %d %s, k = %d%n%n",
            chunks, queries, QUESTIONS > 0 ? "questions" : "passages as queries", K));
    md.append(
        "| setting | build s | segments | MiB on disk | recall@20 | top-1 = exact top-1 |"
            + " p50 µs | p99 µs |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
    results.forEach(r -> md.append(row(r)).append('\n'));
    Path out = Path.of("target", "benchmarks", "hnsw-sweep.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md);
    System.out.println(md);
  }
}
