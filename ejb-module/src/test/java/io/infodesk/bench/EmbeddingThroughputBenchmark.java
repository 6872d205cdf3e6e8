package io.infodesk.bench;

import io.infodesk.knowledge.control.Chunker;
import io.infodesk.knowledge.control.DocumentParser;
import io.infodesk.knowledge.entity.Chunk;
import io.infodesk.platform.control.MiniLmEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * JMH: what ingestion's embedding costs per chunk on one core, which bounds ingestion's chunks per
 * second: the chunks of a real HTML corpus (the Python documentation from Debian's python3-doc, or
 * {@code -Dbench.corpus=DIR}), parsed and chunked as ingestion does, embedded in ingestion's
 * batches of 16 with one ONNX Runtime thread, by the full and the 8-bit quantized MiniLM.
 * docs/benchmarks.md has the command and the results.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class EmbeddingThroughputBenchmark {

  static final int BATCH = 16;

  @Param({MiniLmEmbedder.FULL, MiniLmEmbedder.QUANTIZED})
  public String model;

  /** Word pieces embedded of each chunk: the model's window, or the length it was trained on. */
  @Param({"256", "128"})
  public int window;

  MiniLmEmbedder embedder;
  List<List<String>> batches = new ArrayList<>();
  int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path corpus =
        Path.of(System.getProperty("bench.corpus", "/usr/share/doc/python3-doc/html/library"));
    if (!Files.isDirectory(corpus)) {
      throw new IllegalStateException(
          corpus + " is missing: apt-get install python3-doc, or -Dbench.corpus=DIR");
    }
    DocumentParser parser = new DocumentParser(2_000_000);
    Chunker chunker = new Chunker(180, 30);
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().limit(60).toList()) {
        for (Chunker.Chunk c :
            chunker.chunk(parser.parse(Files.readAllBytes(f), f.getFileName().toString()).text())) {
          texts.add(Chunk.embeddedText(c.heading(), c.text())); // as ingestion embeds them
        }
      }
    }
    for (int from = 0; from + BATCH <= texts.size(); from += BATCH) {
      batches.add(texts.subList(from, from + BATCH));
    }
    System.out.println(
        "\n" + texts.size() + " chunks from " + corpus + ", " + batches.size() + " batches");
    embedder =
        MiniLmEmbedder.load(
            Path.of("target", "models", model), getClass().getClassLoader(), model, window);
  }

  /**
   * 16 chunks as one ONNX Runtime batch ({@code embedBatch}; the 8-bit model runs them one by one
   * anyway); chunks per second on one core = 16,000 / (ms per batch).
   */
  @Benchmark
  public float[][] embedBatchOf16() {
    List<String> batch = batches.get(next++ % batches.size());
    return embedder.embedBatch(batch);
  }

  /** The same 16 chunks one ONNX Runtime call each, as ingestion embeds them ({@code embedAll}). */
  @Benchmark
  public float[][] embed16OneByOne() {
    List<String> batch = batches.get(next++ % batches.size());
    return embedder.embedAll(batch);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    embedder.close();
  }
}
