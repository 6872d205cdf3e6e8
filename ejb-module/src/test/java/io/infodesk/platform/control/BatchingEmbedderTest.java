package io.infodesk.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BatchingEmbedderTest {

  static final List<String> QUESTIONS =
      List.of(
          "How many vacation days do I get?",
          "The VPN says gateway unreachable",
          "What is the hotel cap in New York?",
          "What does error FLOW-429 mean?",
          "hi",
          "Can I expense a laptop bag if my old one broke on a business trip to Berlin last week?",
          "Who do I contact about the 401k match?",
          "How do webhooks retry?");

  /** Asks every question at once from its own thread; the vectors in the questions' order. */
  static List<float[]> askTogether(BatchingEmbedder batching, List<String> questions)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(questions.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<float[]>> futures = new ArrayList<>();
      for (String q : questions) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return batching.embed(q);
                }));
      }
      start.countDown();
      List<float[]> out = new ArrayList<>();
      for (Future<float[]> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void batchedVectorsOfTheRealModelEqualSingleCallsInOrder() throws Exception {
    try (MiniLmEmbedder model =
        MiniLmEmbedder.load(
            Path.of("target", "models", "all-minilm-l6-v2"),
            BatchingEmbedderTest.class.getClassLoader())) {
      List<Integer> sizes = new CopyOnWriteArrayList<>();
      Function<List<String>, float[][]> counted =
          texts -> {
            sizes.add(texts.size());
            return model.embedBatch(texts);
          };
      // a batch as large as the questions, and a window long enough for every thread to arrive
      BatchingEmbedder batching =
          new BatchingEmbedder(counted, QUESTIONS.size(), TimeUnit.SECONDS.toMicros(20));
      List<float[]> vectors = askTogether(batching, QUESTIONS);
      for (int i = 0; i < QUESTIONS.size(); i++) {
        assertThat(vectors.get(i))
            .as(QUESTIONS.get(i))
            .containsExactly(model.embed(QUESTIONS.get(i)), within(1e-5f));
      }
      assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(QUESTIONS.size());
      assertThat(sizes).as("batches of more than one question").anyMatch(n -> n > 1);
      batching.close();
    }
  }

  @Test
  void aFullBatchDoesNotWaitForTheWindow() throws Exception {
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    BatchingEmbedder batching =
        new BatchingEmbedder(
            texts -> {
              sizes.add(texts.size());
              return texts.stream().map(t -> new float[] {t.length()}).toArray(float[][]::new);
            },
            4,
            TimeUnit.SECONDS.toMicros(60));
    List<float[]> vectors = askTogether(batching, QUESTIONS); // 8 questions, batches of 4
    for (int i = 0; i < QUESTIONS.size(); i++) {
      assertThat(vectors.get(i)[0]).isEqualTo(QUESTIONS.get(i).length());
    }
    assertThat(sizes).containsExactly(4, 4);
  }

  @Test
  void aFailedBatchFailsOnlyItsOwnQuestions() throws Exception {
    BatchingEmbedder batching =
        new BatchingEmbedder(
            texts -> {
              if (texts.contains("poison")) {
                throw new IllegalStateException("the model failed");
              }
              return texts.stream().map(t -> new float[] {t.length()}).toArray(float[][]::new);
            },
            2,
            TimeUnit.SECONDS.toMicros(60));
    // a batch of two with the poison fails both its callers ...
    assertThatThrownBy(() -> askTogether(batching, List.of("poison", "x")))
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("the model failed");
    // ... and the next batches are unaffected
    assertThat(askTogether(batching, List.of("abc", "de")))
        .extracting(v -> v[0])
        .containsExactly(3f, 2f);
  }

  @Test
  void closeDrainsTheBatchesUnderWayAndRefusesNewQuestions() throws Exception {
    CountDownLatch inModel = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean finished =
        new java.util.concurrent.atomic.AtomicBoolean();
    BatchingEmbedder batching =
        new BatchingEmbedder(
            texts -> {
              inModel.countDown();
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              finished.set(true);
              return texts.stream().map(t -> new float[] {t.length()}).toArray(float[][]::new);
            },
            8,
            1_000);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<float[]> underWay = pool.submit(() -> batching.embed("draining"));
      assertThat(inModel.await(10, TimeUnit.SECONDS)).isTrue();
      batching.close();
      assertThat(finished).as("close waited for the batch under way").isTrue();
      assertThat(underWay.get(10, TimeUnit.SECONDS)[0]).isEqualTo(8f);
      assertThatThrownBy(() -> batching.embed("late"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    } finally {
      pool.shutdownNow();
    }
  }
}
