package io.infodesk.retrieval.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.platform.control.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene index, rank fusion, fusion tuning and snippets, on data the test owns. */
class RetrievalTest {

  @TempDir Path dir;

  static float[] unit(float... v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / Math.sqrt(n));
    }
    return out;
  }

  @Test
  void keywordAndVectorSearchStayInsideTheDomain() {
    try (LuceneIndex index = LuceneIndex.open(dir)) {
      index.add(
          List.of(
              new LuceneIndex.Entry(
                  1, 10, "hr", "Leave", "Parental leave lasts sixteen weeks.", unit(1, 0, 0)),
              new LuceneIndex.Entry(
                  2,
                  10,
                  "hr",
                  "Leave",
                  "Sick leave needs a doctor's note after three days.",
                  unit(0.9f, 0.1f, 0)),
              new LuceneIndex.Entry(
                  3, 20, "it", "VPN", "The VPN client needs MFA to connect.", unit(0, 1, 0)),
              new LuceneIndex.Entry(
                  4,
                  20,
                  "it",
                  "Leave",
                  "Leave the laptop plugged in overnight for updates.",
                  unit(0, 0, 1))));
      index.publish();
      assertThat(index.size()).isEqualTo(4);
      assertThat(index.keyword("hr", "how long is parental leave", 10))
          .extracting(LuceneIndex.Hit::chunkId)
          .first()
          .isEqualTo(1L);
      assertThat(index.keyword("hr", "leave", 10))
          .extracting(LuceneIndex.Hit::chunkId)
          .containsOnly(1L, 2L);
      assertThat(index.keyword("it", "leave", 10))
          .extracting(LuceneIndex.Hit::chunkId)
          .containsExactly(4L);
      assertThat(index.vector("it", unit(0, 1, 0.1f), 10))
          .extracting(LuceneIndex.Hit::chunkId)
          .first()
          .isEqualTo(3L);
      assertThat(index.vector("hr", unit(0, 1, 0), 10))
          .extracting(LuceneIndex.Hit::chunkId)
          .containsOnly(1L, 2L);
      assertThat(index.keyword("hr", "the of and", 10)).isEmpty();

      index.deleteSource(10);
      index.publish();
      assertThat(index.size()).isEqualTo(2);
      assertThat(index.keyword("hr", "leave", 10)).isEmpty();
    }
  }

  @Test
  void anIndexWithAnotherVectorGraphFindsTheNearestAndReopensWithTheDefaults() throws Exception {
    java.util.Random random = new java.util.Random(7);
    List<LuceneIndex.Entry> entries = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      float[] v = new float[16];
      for (int d = 0; d < v.length; d++) {
        v[d] = (float) random.nextGaussian();
      }
      entries.add(new LuceneIndex.Entry(i, i / 10, "hr", "", "Chunk " + i + ".", unit(v)));
    }
    LuceneIndex.VectorGraph graph = new LuceneIndex.VectorGraph(8, 50, true);
    try (LuceneIndex index =
        LuceneIndex.open(dir, new org.apache.lucene.search.similarities.BM25Similarity(), graph)) {
      index.add(entries);
      index.publish();
      assertThat(index.vector("hr", entries.get(7).vector(), 3))
          .hasSize(3)
          .first()
          .extracting(LuceneIndex.Hit::chunkId)
          .isEqualTo(7L);
    }
    // the chunks' vectors were written in the 8-bit format
    try (var reader =
        org.apache.lucene.index.DirectoryReader.open(
            org.apache.lucene.store.FSDirectory.open(dir))) {
      assertThat(
              reader
                  .leaves()
                  .get(0)
                  .reader()
                  .getFieldInfos()
                  .fieldInfo("vector")
                  .getAttribute("PerFieldKnnVectorsFormat.format"))
          .isEqualTo("Lucene99HnswScalarQuantizedVectorsFormat");
    }
    try (LuceneIndex reopened = LuceneIndex.open(dir)) {
      assertThat(reopened.vector("hr", entries.get(42).vector(), 1))
          .extracting(LuceneIndex.Hit::chunkId)
          .containsExactly(42L);
    }
  }

  @Test
  void longQuestionsInScriptsWithoutSpacesStayUnderLucenesClauseLimit() {
    try (LuceneIndex index = LuceneIndex.open(dir)) {
      index.add(
          List.of(
              new LuceneIndex.Entry(
                  1, 10, "hr", "休暇", "有給休暇は年間二十日です。 Parental leave lasts weeks.", unit(1, 0, 0))));
      index.publish();
      StringBuilder cjk = new StringBuilder();
      String chars = "有給休暇申請方法教年間日数社員規則会議室予約";
      for (int i = 0; i < 2000; i++) {
        cjk.append(chars.charAt(i % chars.length()));
      }
      StringBuilder letters = new StringBuilder();
      for (int i = 0; i < 2000; i++) {
        letters.append((char) ('b' + i % 24)).append(' ');
      }
      StringBuilder distinct = new StringBuilder();
      for (int i = 0; i < 2000; i++) {
        distinct.append("w").append(i).append(' ');
      }
      distinct.append("parental leave");
      assertThat(index.keyword("hr", cjk.toString(), 10))
          .extracting(LuceneIndex.Hit::chunkId)
          .containsExactly(1L);
      assertThat(index.keyword("hr", letters.toString(), 10)).isNotNull();
      assertThat(index.keyword("hr", distinct.toString(), 10))
          .as("2,000 distinct words: the first ones are kept, no TooManyClauses")
          .isNotNull();
    }
  }

  @Test
  void aCorruptIndexIsWipedAndReportedForRebuild() throws IOException {
    try (LuceneIndex index = LuceneIndex.open(dir)) {
      index.add(List.of(new LuceneIndex.Entry(1, 10, "hr", "", "Parental leave.", unit(1, 0, 0))));
      index.publish();
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("_")).toList()) {
        Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      }
    }
    try (LuceneIndex reopened = LuceneIndex.open(dir)) {
      assertThat(reopened.wasReset()).isTrue();
      assertThat(reopened.size()).isZero();
    }
    try (LuceneIndex again = LuceneIndex.open(dir)) {
      assertThat(again.wasReset()).isFalse();
    }
  }

  @Test
  void aSourceIsReplacedAtomicallyAndItsVersionSurvivesAReopen() throws Exception {
    try (LuceneIndex index = LuceneIndex.open(dir)) {
      index.replaceSource(
          10, List.of(new LuceneIndex.Entry(1, 10, "hr", "", "Parental leave.", unit(1, 0, 0))));
      index.replaceSource(
          20, List.of(new LuceneIndex.Entry(5, 20, "hr", "", "Sick leave.", unit(0, 1, 0))));
      assertThat(index.keyword("hr", "leave", 10))
          .as("nothing is visible before publish")
          .isEmpty();
      index.publish();
      assertThat(index.keyword("hr", "leave", 10))
          .extracting(LuceneIndex.Hit::chunkId)
          .containsOnly(1L, 5L);

      // Searchers on other threads keep asking while source 10 is replaced again and again.
      java.util.concurrent.atomic.AtomicBoolean done =
          new java.util.concurrent.atomic.AtomicBoolean();
      java.util.concurrent.atomic.AtomicInteger misses =
          new java.util.concurrent.atomic.AtomicInteger();
      Thread searcher =
          new Thread(
              () -> {
                while (!done.get()) {
                  if (index.keyword("hr", "parental", 10).isEmpty()) {
                    misses.incrementAndGet();
                  }
                }
              });
      searcher.start();
      for (long id = 100; id < 400; id += 2) {
        index.replaceSource(
            10,
            List.of(
                new LuceneIndex.Entry(id, 10, "hr", "", "Parental leave.", unit(1, 0, 0)),
                new LuceneIndex.Entry(id + 1, 10, "hr", "Pay", "Parental pay.", unit(1, 1, 0))));
        index.publish();
      }
      done.set(true);
      searcher.join();
      assertThat(misses.get()).as("searches that missed the source while it was replaced").isZero();
      assertThat(index.size()).isEqualTo(3);
      assertThat(index.version(10)).isEqualTo(new LuceneIndex.Version(399, 2));
      assertThat(index.version(20)).isEqualTo(new LuceneIndex.Version(5, 1));
      assertThat(index.version(30)).isNull();
    }
    try (LuceneIndex reopened = LuceneIndex.open(dir)) {
      assertThat(reopened.version(10)).isEqualTo(new LuceneIndex.Version(399, 2));
      assertThat(reopened.version(20)).isEqualTo(new LuceneIndex.Version(5, 1));
      reopened.deleteSource(20);
      reopened.publish();
      assertThat(reopened.version(20)).isNull();
      assertThat(reopened.keyword("hr", "sick", 10)).isEmpty();
    }
  }

  /**
   * Rank fusion adds a chunk's two reciprocal ranks, so both rankings must see the same chunks:
   * when a source is replaced between the keyword and the vector search, its old chunks come only
   * from one ranking and its new ones only from the other, each gets half the score, and chunks
   * that appear in both rankings push the source out of the answer (SearchStabilityIT, CI, 4
   * December).
   */
  @Test
  void bothRankingsOfAQuestionSeeTheSameVersionOfEachSource() throws Exception {
    try (LuceneIndex index = LuceneIndex.open(dir)) {
      index.replaceSource(
          20, List.of(new LuceneIndex.Entry(5, 20, "hr", "", "Sick leave.", unit(0, 1, 0))));
      index.replaceSource(10, version(10));
      index.publish();
      java.util.concurrent.atomic.AtomicBoolean done =
          new java.util.concurrent.atomic.AtomicBoolean();
      java.util.concurrent.ConcurrentLinkedQueue<String> mixed =
          new java.util.concurrent.ConcurrentLinkedQueue<>();
      java.util.concurrent.atomic.AtomicInteger asked =
          new java.util.concurrent.atomic.AtomicInteger();
      Thread searcher =
          new Thread(
              () -> {
                while (!done.get()) {
                  LuceneIndex.Rankings r =
                      index.rankings("hr", "parental leave", unit(1, 0, 0), 10);
                  java.util.Set<Long> keyword = sourceTen(r.keyword());
                  java.util.Set<Long> vector = sourceTen(r.vector());
                  asked.incrementAndGet();
                  if (!keyword.equals(vector)) {
                    mixed.add("keyword " + keyword + ", vector " + vector);
                  }
                }
              });
      searcher.start();
      for (long id = 100; id < 900; id += 2) {
        index.replaceSource(10, version(id));
        index.publish();
      }
      done.set(true);
      searcher.join();
      assertThat(asked.get()).isPositive();
      assertThat(mixed)
          .as("rankings that saw two versions of the source, of %d", asked.get())
          .isEmpty();
    }
  }

  /** Source 10's two chunks, with ids {@code id} and {@code id + 1}. */
  static List<LuceneIndex.Entry> version(long id) {
    return List.of(
        new LuceneIndex.Entry(id, 10, "hr", "", "Parental leave.", unit(1, 0, 0)),
        new LuceneIndex.Entry(id + 1, 10, "hr", "Pay", "Parental pay.", unit(1, 0.1f, 0)));
  }

  static java.util.Set<Long> sourceTen(List<LuceneIndex.Hit> hits) {
    java.util.Set<Long> ids = new java.util.TreeSet<>();
    hits.stream().map(LuceneIndex.Hit::chunkId).filter(id -> id != 5).forEach(ids::add);
    return ids;
  }

  @Test
  void weightedFusionAddsReciprocalRanks() {
    var keyword = List.of(new LuceneIndex.Hit(1, 9), new LuceneIndex.Hit(2, 5));
    var vector = List.of(new LuceneIndex.Hit(2, 0.9f), new LuceneIndex.Hit(3, 0.8f));
    var fused = RankFusion.fuse(keyword, 1, vector, 1, 60);
    assertThat(fused).extracting(RankFusion.Fused::chunkId).containsExactly(2L, 1L, 3L);
    assertThat(fused.get(0).score())
        .isCloseTo(1.0 / 62 + 1.0 / 61, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(RankFusion.fuse(keyword, 0, vector, 1, 60))
        .extracting(RankFusion.Fused::chunkId)
        .containsExactly(2L, 3L);
    assertThat(RankFusion.fuse(keyword, 1, vector, 0.01, 60).get(0).chunkId()).isEqualTo(1L);
  }

  @Test
  void tunedWeightsAreNeverWorseThanTheBetterSingleRetriever() {
    // vector ranking is right for every question; keyword is wrong for most
    Map<Long, Long> sources = Map.of(1L, 100L, 2L, 200L, 3L, 300L);
    List<FusionTuner.Labelled> questions =
        List.of(
            new FusionTuner.Labelled(hits(2, 3, 1), hits(1, 2, 3), 100),
            new FusionTuner.Labelled(hits(3, 1, 2), hits(2, 1, 3), 200),
            new FusionTuner.Labelled(hits(3, 2, 1), hits(3, 2, 1), 300),
            new FusionTuner.Labelled(hits(1, 3, 2), hits(1, 2, 3), 100));
    FusionTuner.Weights w = FusionTuner.tune(questions, sources::get);
    assertThat(w.mrr()).isGreaterThanOrEqualTo(Math.max(w.keywordOnlyMrr(), w.vectorOnlyMrr()));
    assertThat(w.vectorOnlyMrr()).isEqualTo(1.0);
    assertThat(w.mrr()).isEqualTo(1.0);
    assertThat(w.vector()).isGreaterThan(w.keyword());
  }

  static List<LuceneIndex.Hit> hits(long... ids) {
    return java.util.Arrays.stream(ids).mapToObj(id -> new LuceneIndex.Hit(id, 1)).toList();
  }

  @Test
  void snippetsPickTheMatchingSentenceMarkItAndEscapeHtml() {
    String passage = "Our office opens at 8. Parental leave is 16 weeks <paid>. Parking is free.";
    String html = Text.highlight(passage, "How long is parental leave?", 1);
    assertThat(html)
        .isEqualTo("<mark>Parental</mark> <mark>leave</mark> is 16 weeks &lt;paid&gt;.");
  }
}
