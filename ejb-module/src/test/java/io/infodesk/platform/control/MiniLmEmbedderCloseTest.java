package io.infodesk.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Closing the model while other threads embed (an undeploy during background ingestion) must not
 * free the native session under a running batch: ONNX Runtime then crashes the whole JVM with
 * SIGSEGV, as an IT server did on 2 December. In-flight batches finish; later calls are refused.
 */
class MiniLmEmbedderCloseTest {

  @Test
  void closeWaitsForRunningBatchesAndRefusesLaterOnes() throws Exception {
    MiniLmEmbedder embedder =
        MiniLmEmbedder.load(
            Path.of("target", "model-close-test"), MiniLmEmbedder.class.getClassLoader());
    List<String> texts =
        IntStream.range(0, 16)
            .mapToObj(i -> "how many vacation days do I get in year " + i + " of my contract")
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> runs = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      runs.add(
          pool.submit(
              () -> {
                int batches = 0;
                while (true) {
                  try {
                    assertThat(embedder.embedAll(texts)).hasNumberOfRows(16);
                    batches++;
                  } catch (IllegalStateException closed) {
                    return batches;
                  }
                }
              }));
    }
    Thread.sleep(1500);
    embedder.close();
    int total = 0;
    for (Future<Integer> run : runs) {
      total += run.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(total).as("batches embedded before the close").isPositive();
    assertThatThrownBy(() -> embedder.embed("after the close"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    embedder.close(); // twice is harmless
  }
}
