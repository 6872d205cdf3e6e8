package io.infodesk.bench;

import io.infodesk.platform.control.MiniLmEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: what embedding one question costs on one core, the bound the issue's physical limit for the
 * ask path comes from (2 cores ÷ ms per question): the load test's own questions
 * (bench/questions.txt, with the distinct profile's openings such as "Hi, "), one at a time, as
 * {@code AskService} embeds them. docs/benchmarks.md has the command and the results.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class QuestionEmbeddingBenchmark {

  static final List<String> OPENINGS = List.of("", "Hi, ", "Quick one: ", "Sorry to bother you, ");

  @Param({MiniLmEmbedder.FULL, MiniLmEmbedder.QUANTIZED})
  public String model;

  MiniLmEmbedder embedder;
  List<String> questions;
  int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    questions =
        Files.readAllLines(Path.of(System.getProperty("bench.questions", "../bench/questions.txt")))
            .stream()
            .filter(l -> !l.startsWith("#") && l.contains("|"))
            .map(l -> l.substring(l.indexOf('|') + 1))
            .toList();
    embedder =
        MiniLmEmbedder.load(Path.of("target", "models", model), getClass().getClassLoader(), model);
  }

  /** One question, never the same text twice in a row (the opening changes each pass). */
  @Benchmark
  public float[] embedOneQuestion() {
    int i = next++;
    String q = questions.get(i % questions.size());
    return embedder.embed(OPENINGS.get((i / questions.size()) % OPENINGS.size()) + q);
  }

  /** 64 MB, twice the last-level cache of the machine measured: walking it evicts the model. */
  final long[] other = new long[8 << 20];

  /** Walks {@link #other}, one write per cache line, as the rest of a server's work would. */
  @Benchmark
  public long evictCaches() {
    long sum = 0;
    for (int i = 0; i < other.length; i += 8) {
      sum += ++other[i];
    }
    return sum;
  }

  /**
   * The same question after {@link #evictCaches}: the model's weights (23 MB for the 8-bit one)
   * come from memory, not the cache; minus {@code evictCaches}, what an embedding costs in a busy
   * server.
   */
  @Benchmark
  public float[] embedOneQuestionAfterEvictingCaches() {
    evictCaches();
    return embedOneQuestion();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    embedder.close();
  }
}
