package io.infodesk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.infodesk.knowledge.control.Chunker;
import io.infodesk.platform.control.MiniLmEmbedder;
import io.infodesk.retrieval.control.FusionTuner;
import io.infodesk.retrieval.control.LuceneIndex;
import io.infodesk.retrieval.control.RankFusion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retrieval quality on StackFAQ (125 FAQ documents, 1,249 paraphrased queries), with the production
 * classes: Chunker, MiniLmEmbedder, LuceneIndex, RankFusion and FusionTuner. Fusion weights are
 * tuned on a validation half of the queries and scored on the other half. Writes
 * target/benchmarks/stackfaq-retrieval.md. Skips without ../shared/data.
 */
@Tag("experiment")
class StackFaqRetrievalExperiment {

  static final Path DATA = Path.of("..", "..", "shared", "data", "stackfaq");

  @TempDir Path index;

  record Query(String text, String doc) {}

  record Scores(double recall1, double recall5, double mrr) {}

  /** StackFAQ chunked as ingestion chunks, with every chunk's and every query's vector. */
  record Corpus(
      Map<String, String> docs,
      List<Query> validation,
      List<Query> test,
      List<LuceneIndex.Entry> entries,
      Map<Long, String> docOfChunk,
      Map<String, Long> sourceIds,
      Map<String, float[]> queryVectors) {

    Map<Long, Long> sourceOf() {
      Map<Long, Long> sourceOf = new HashMap<>();
      entries.forEach(e -> sourceOf.put(e.chunkId(), e.sourceId()));
      return sourceOf;
    }
  }

  static Corpus load() throws Exception {
    assumeTrue(
        Files.isDirectory(DATA), "StackFAQ experiment skipped: ../shared/data/stackfaq is absent");
    Map<String, String> docs = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DATA.resolve("stackfaq_docs.jsonl"))) {
      JsonObject o = Json.createReader(new StringReader(line)).readObject();
      docs.put(o.getString("doc_id"), o.getString("text"));
    }
    List<Query> queries = new ArrayList<>();
    for (String line : Files.readAllLines(DATA.resolve("stackfaq_queries.jsonl"))) {
      JsonObject o = Json.createReader(new StringReader(line)).readObject();
      queries.add(new Query(o.getString("query"), o.getString("relevant_doc_id")));
    }
    Collections.shuffle(queries, new Random(42));
    List<Query> validation = queries.subList(0, queries.size() / 2);
    List<Query> test = queries.subList(queries.size() / 2, queries.size());

    Chunker chunker = new Chunker(180, 30);
    Map<Long, String> docOfChunk = new HashMap<>();
    Map<String, Long> sourceIds = new HashMap<>();
    List<String> texts = new ArrayList<>();
    List<long[]> ids = new ArrayList<>();
    long chunkId = 0;
    for (var d : docs.entrySet()) {
      long sourceId = sourceIds.size() + 1;
      sourceIds.put(d.getKey(), sourceId);
      for (Chunker.Chunk c : chunker.chunk(d.getValue())) {
        docOfChunk.put(++chunkId, d.getKey());
        texts.add(c.text());
        ids.add(new long[] {chunkId, sourceId});
      }
    }
    try (MiniLmEmbedder embedder =
        MiniLmEmbedder.load(
            Path.of("target", "models", "all-minilm-l6-v2"),
            StackFaqRetrievalExperiment.class.getClassLoader())) {
      List<LuceneIndex.Entry> entries = new ArrayList<>();
      float[][] v = embedder.embedAll(texts);
      for (int i = 0; i < v.length; i++) {
        long[] id = ids.get(i);
        entries.add(new LuceneIndex.Entry(id[0], id[1], "faq", "", texts.get(i), v[i]));
      }
      Map<String, float[]> queryVectors = new HashMap<>();
      for (Query q : queries) {
        queryVectors.computeIfAbsent(q.text(), embedder::embed);
      }
      return new Corpus(docs, validation, test, entries, docOfChunk, sourceIds, queryVectors);
    }
  }

  @Test
  void measuresKeywordVectorAndHybrid() throws Exception {
    long start = System.nanoTime();
    Corpus corpus = load();
    Map<String, String> docs = corpus.docs();
    List<Query> validation = corpus.validation();
    List<Query> test = corpus.test();
    Map<Long, String> docOfChunk = corpus.docOfChunk();
    Map<String, Long> sourceIds = corpus.sourceIds();
    int chunks = corpus.entries().size();
    try (LuceneIndex lucene = LuceneIndex.open(index)) {
      lucene.add(corpus.entries());
      lucene.publish();

      Map<Long, Long> sourceOf = corpus.sourceOf();
      List<FusionTuner.Labelled> tuning = new ArrayList<>();
      for (Query q : validation) {
        float[] v = corpus.queryVectors().get(q.text());
        tuning.add(
            new FusionTuner.Labelled(
                lucene.keyword("faq", q.text(), 20),
                lucene.vector("faq", v, 20),
                sourceIds.get(q.doc())));
      }
      FusionTuner.Weights w = FusionTuner.tune(tuning, sourceOf::get);

      Map<String, double[]> sums = new LinkedHashMap<>();
      for (String m :
          List.of(
              "BM25",
              "vector (MiniLM, HNSW)",
              "hybrid, plain RRF (k=60)",
              "hybrid, tuned weighted RRF")) {
        sums.put(m, new double[3]);
      }
      for (Query q : test) {
        float[] v = corpus.queryVectors().get(q.text());
        List<LuceneIndex.Hit> kw = lucene.keyword("faq", q.text(), 20);
        List<LuceneIndex.Hit> vec = lucene.vector("faq", v, 20);
        add(
            sums.get("BM25"),
            docs(kw.stream().map(LuceneIndex.Hit::chunkId).toList(), docOfChunk),
            q.doc());
        add(
            sums.get("vector (MiniLM, HNSW)"),
            docs(vec.stream().map(LuceneIndex.Hit::chunkId).toList(), docOfChunk),
            q.doc());
        add(sums.get("hybrid, plain RRF (k=60)"), docs(fused(kw, 1, vec, 1), docOfChunk), q.doc());
        add(
            sums.get("hybrid, tuned weighted RRF"),
            docs(fused(kw, w.keyword(), vec, w.vector()), docOfChunk),
            q.doc());
      }
      StringBuilder md = new StringBuilder();
      md.append(
          String.format(
              "StackFAQ: %d documents, %d chunks; weights tuned on %d validation queries, scored on %d test queries.%n%n",
              docs.size(), chunks, validation.size(), test.size()));
      md.append("| method | recall@1 | recall@5 | MRR |\n|---|---|---|---|\n");
      Map<String, Scores> scores = new LinkedHashMap<>();
      sums.forEach(
          (m, s) -> {
            Scores sc = new Scores(s[0] / test.size(), s[1] / test.size(), s[2] / test.size());
            scores.put(m, sc);
            md.append(
                String.format(
                    "| %s | %.3f | %.3f | %.3f |%n", m, sc.recall1(), sc.recall5(), sc.mrr()));
          });
      md.append(
          String.format(
              "%nTuned weights: keyword %.2f, vector %.2f (validation MRR %.3f; keyword only %.3f, vector only %.3f). Run time %.1f s.%n",
              w.keyword(),
              w.vector(),
              w.mrr(),
              w.keywordOnlyMrr(),
              w.vectorOnlyMrr(),
              (System.nanoTime() - start) / 1e9));
      Path out = Path.of("target", "benchmarks", "stackfaq-retrieval.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, md);
      System.out.println(md);

      Scores tuned = scores.get("hybrid, tuned weighted RRF");
      double bestSingle =
          Math.max(scores.get("BM25").mrr(), scores.get("vector (MiniLM, HNSW)").mrr());
      assertThat(tuned.mrr())
          .as("tuned hybrid is not worse than the better single retriever")
          .isGreaterThanOrEqualTo(bestSingle - 0.01);
    }
  }

  /**
   * BM25's two parameters (k1: how fast repeated words saturate; b: how much a long chunk is
   * penalised), each setting on its own index of the same chunks and vectors, scored alone and
   * fused with the vector ranking (weights tuned on the validation half for each setting). Writes
   * target/benchmarks/stackfaq-bm25.md.
   */
  @Test
  void bm25Settings() throws Exception {
    Corpus corpus = load();
    Map<Long, Long> sourceOf = corpus.sourceOf();
    StringBuilder md =
        new StringBuilder(
            "| k1 | b | BM25 recall@1 | BM25 MRR | tuned hybrid recall@1 | tuned hybrid MRR |\n"
                + "|---:|---:|---:|---:|---:|---:|\n");
    for (double k1 : new double[] {0.6, 0.9, 1.2, 1.5, 2.0}) {
      for (double b : new double[] {0.3, 0.5, 0.75, 0.9}) {
        try (LuceneIndex lucene =
            LuceneIndex.open(
                index.resolve(k1 + "-" + b), new BM25Similarity((float) k1, (float) b))) {
          lucene.add(corpus.entries());
          lucene.publish();
          List<FusionTuner.Labelled> tuning = new ArrayList<>();
          for (Query q : corpus.validation()) {
            tuning.add(
                new FusionTuner.Labelled(
                    lucene.keyword("faq", q.text(), 20),
                    lucene.vector("faq", corpus.queryVectors().get(q.text()), 20),
                    corpus.sourceIds().get(q.doc())));
          }
          FusionTuner.Weights w = FusionTuner.tune(tuning, sourceOf::get);
          double[] keyword = new double[3];
          double[] hybrid = new double[3];
          for (Query q : corpus.test()) {
            List<LuceneIndex.Hit> kw = lucene.keyword("faq", q.text(), 20);
            List<LuceneIndex.Hit> vec =
                lucene.vector("faq", corpus.queryVectors().get(q.text()), 20);
            add(
                keyword,
                docs(kw.stream().map(LuceneIndex.Hit::chunkId).toList(), corpus.docOfChunk()),
                q.doc());
            add(
                hybrid,
                docs(fused(kw, w.keyword(), vec, w.vector()), corpus.docOfChunk()),
                q.doc());
          }
          int n = corpus.test().size();
          md.append(
              String.format(
                  "| %.1f | %.2f | %.3f | %.3f | %.3f | %.3f |%n",
                  k1, b, keyword[0] / n, keyword[2] / n, hybrid[0] / n, hybrid[2] / n));
          assertThat(hybrid[2] / n)
              .as("tuned hybrid MRR with k1 %s, b %s is not below BM25 alone", k1, b)
              .isGreaterThanOrEqualTo(keyword[2] / n - 0.01);
        }
      }
    }
    Path out = Path.of("target", "benchmarks", "stackfaq-bm25.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md);
    System.out.println(md);
  }

  static List<Long> fused(
      List<LuceneIndex.Hit> kw, double wk, List<LuceneIndex.Hit> vec, double wv) {
    return RankFusion.fuse(kw, wk, vec, wv, RankFusion.DEFAULT_K).stream()
        .map(RankFusion.Fused::chunkId)
        .toList();
  }

  static List<String> docs(List<Long> chunks, Map<Long, String> docOfChunk) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Long c : chunks) {
      String d = docOfChunk.get(c);
      if (seen.add(d)) {
        out.add(d);
      }
    }
    return out;
  }

  static void add(double[] sums, List<String> ranked, String relevant) {
    int rank = ranked.indexOf(relevant) + 1;
    if (rank == 1) {
      sums[0]++;
    }
    if (rank >= 1 && rank <= 5) {
      sums[1]++;
    }
    if (rank >= 1) {
      sums[2] += 1.0 / rank;
    }
  }
}
