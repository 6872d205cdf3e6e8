package io.infodesk.bench;

import io.infodesk.curation.model.Curation;
import io.infodesk.knowledge.control.Chunker;
import io.infodesk.knowledge.control.DocumentParser;
import io.infodesk.knowledge.entity.Chunk;
import io.infodesk.platform.control.MiniLmEmbedder;
import io.infodesk.retrieval.control.LuceneIndex;
import io.infodesk.retrieval.control.RankFusion;
import io.infodesk.routing.control.ZeroShotRouter;
import io.infodesk.routing.entity.RouteDecision;
import io.infodesk.routing.model.StudentRouter;
import io.infodesk.training.model.StudentRecipe;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the zero-shot teacher's route (MiniLM embedding + nearest centroid, and the centroid step
 * alone) and hybrid retrieval (BM25 + HNSW + weighted RRF) over the demo knowledge base, with the
 * production classes. docs/benchmarks.md has the command and the results.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingRetrievalBenchmark {

  static final String[] QUESTIONS = {
    "How many vacation days do I get?", "My VPN says gateway unreachable", "When is payday?",
    "What does error FLOW-429 mean?", "How do I add my baby to my health plan?",
        "Can I expense alcohol?"
  };

  MiniLmEmbedder embedder;
  ZeroShotRouter router;
  StudentRouter ngramStudent;
  StudentRouter mlpStudent;
  List<Document> documents = new ArrayList<>();
  int chunksPerPass;
  LuceneIndex index;
  Path dir;
  float[][] questionVectors;
  int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ClassLoader loader = getClass().getClassLoader();
    embedder = MiniLmEmbedder.load(Path.of("target", "models", "all-minilm-l6-v2"), loader);
    Map<String, List<String>> exemplars = new LinkedHashMap<>();
    List<String[]> files = new ArrayList<>();
    for (String line : read(loader, "demo/knowledge/index.txt").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\\|", 2);
      if (p[1].startsWith("exemplar:")) {
        exemplars.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1].substring(9).strip());
      } else {
        files.add(p);
      }
    }
    List<ZeroShotRouter.DomainEvidence> evidence = new ArrayList<>();
    exemplars.forEach(
        (key, texts) ->
            evidence.add(
                new ZeroShotRouter.DomainEvidence(key, null, List.of(embedder.embedAll(texts)))));
    router = new ZeroShotRouter(evidence, embedder::embed, null, 0.05);
    // both students, trained with the production recipe on the demo exemplars (latency does not
    // depend on how much they learned: the arithmetic per route is the same)
    List<Curation.Example> seed = new ArrayList<>();
    exemplars.forEach(
        (key, texts) ->
            texts.forEach(t -> seed.add(new Curation.Example(t, key, embedder.embed(t)))));
    List<String> labels = new ArrayList<>(new java.util.TreeSet<>(exemplars.keySet()));
    ngramStudent =
        StudentRecipe.train(
                StudentRecipe.NGRAM,
                "ngram-jmh",
                seed,
                seed,
                labels,
                null,
                6,
                io.infodesk.routing.model.ExpectedAccuracy.OUT_OF_SCOPE_SHARE,
                embedder::embed,
                p -> {})
            .router();
    mlpStudent =
        StudentRecipe.train(
                StudentRecipe.MINILM_MLP,
                "mlp-jmh",
                seed,
                seed,
                labels,
                null,
                6,
                io.infodesk.routing.model.ExpectedAccuracy.OUT_OF_SCOPE_SHARE,
                embedder::embed,
                p -> {})
            .router();

    dir = Files.createTempDirectory("jmh-index");
    index = LuceneIndex.open(dir);
    DocumentParser parser = new DocumentParser(2_000_000);
    Chunker chunker = new Chunker(180, 30);
    long id = 0;
    List<LuceneIndex.Entry> entries = new ArrayList<>();
    for (String[] f : files) {
      byte[] bytes;
      try (InputStream in =
          loader.getResourceAsStream("demo/knowledge/" + f[0] + "/" + f[1].strip())) {
        bytes = in.readAllBytes();
      }
      documents.add(new Document(f[0], f[1].strip(), bytes));
      for (Chunker.Chunk c : chunker.chunk(parser.parse(bytes, f[1].strip()).text())) {
        entries.add(
            new LuceneIndex.Entry(++id, id, f[0], c.heading(), c.text(), embedder.embed(c.text())));
      }
    }
    index.add(entries);
    index.publish();
    chunksPerPass = entries.size();
    questionVectors = embedder.embedAll(List.of(QUESTIONS));
    System.out.println(
        "\n[setup] demo knowledge base: "
            + documents.size()
            + " documents, "
            + chunksPerPass
            + " chunks");
  }

  /** A demo document as uploaded: its domain, file name and bytes. */
  record Document(String domain, String name, byte[] bytes) {}

  static String read(ClassLoader loader, String resource) throws Exception {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    index.close();
    embedder.close();
  }

  /** The teacher end to end: embed the question with MiniLM, then the nearest centroid. */
  @Benchmark
  public RouteDecision zeroShotRoute() {
    return router.route(QUESTIONS[next++ % QUESTIONS.length]);
  }

  /** Only the centroid comparison, with the question already embedded. */
  @Benchmark
  public RouteDecision zeroShotCentroidsOnly() {
    return router.route(questionVectors[next++ % QUESTIONS.length]);
  }

  /** The n-gram student end to end: hashed n-grams of the text, then the softmax layer. */
  @Benchmark
  public RouteDecision ngramStudentRoute() {
    return ngramStudent.route(QUESTIONS[next++ % QUESTIONS.length]);
  }

  /** The MiniLM MLP student end to end: MiniLM embedding, then the MLP. */
  @Benchmark
  public RouteDecision mlpStudentRoute() {
    return mlpStudent.route(QUESTIONS[next++ % QUESTIONS.length]);
  }

  /**
   * Ingestion of the whole demo knowledge base as {@code IngestionService} does it: Tika parsing,
   * chunking, MiniLM in batches of 16, Lucene indexing with a commit; chunks per second = the
   * printed chunk count / this time.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public int ingestDemoKnowledgeBase() throws Exception {
    Path target = Files.createTempDirectory("jmh-ingest");
    LuceneIndex fresh = LuceneIndex.open(target);
    DocumentParser parser = new DocumentParser(2_000_000);
    Chunker chunker = new Chunker(180, 30);
    long id = 0;
    int chunks = 0;
    try {
      for (Document d : documents) {
        List<Chunker.Chunk> drafts = chunker.chunk(parser.parse(d.bytes(), d.name()).text());
        List<LuceneIndex.Entry> entries = new ArrayList<>();
        for (int from = 0; from < drafts.size(); from += 16) {
          List<Chunker.Chunk> batch = drafts.subList(from, Math.min(drafts.size(), from + 16));
          float[][] v =
              embedder.embedAll(
                  batch.stream().map(c -> Chunk.embeddedText(c.heading(), c.text())).toList());
          for (int i = 0; i < v.length; i++) {
            entries.add(
                new LuceneIndex.Entry(
                    ++id, id, d.domain(), batch.get(i).heading(), batch.get(i).text(), v[i]));
          }
        }
        fresh.add(entries);
        chunks += entries.size();
      }
    } finally {
      fresh.close();
    }
    return chunks;
  }

  /** Hybrid retrieval in the routed domain, question already embedded (as AskService does). */
  @Benchmark
  public List<RankFusion.Fused> hybridRetrieval() {
    int i = next++ % QUESTIONS.length;
    String domain = new String[] {"hr", "it", "finance", "product", "hr", "finance"}[i];
    return RankFusion.fuse(
        index.keyword(domain, QUESTIONS[i], 20),
        1.0,
        index.vector(domain, questionVectors[i], 20),
        1.0,
        RankFusion.DEFAULT_K);
  }
}
