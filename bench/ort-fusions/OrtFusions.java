import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Two uses, run by bench/ort-fusions.sh:
 *
 * <ul>
 *   <li>{@code save MODEL OUT}: writes the graph ONNX Runtime runs for MODEL after its own fusions
 *       (extended level, as InfoDesk's all-optimisations session starts from), for ort-fuse.py to
 *       fuse further;
 *   <li>{@code compare TOKENS BASE CANDIDATE...}: each candidate's smallest cosine to BASE over 20
 *       inputs (mean-pooled as InfoDesk pools, half of them padded), then the mean time per run of
 *       TOKENS word pieces on one thread, the models alternated in 5 rounds of 40 runs.
 * </ul>
 */
public class OrtFusions {
  static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  public static void main(String[] args) throws Exception {
    if (args[0].equals("save")) {
      OrtSession.SessionOptions options = options(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
      options.setOptimizedModelFilePath(args[2]);
      ENV.createSession(args[1], options).close();
      return;
    }
    int tokens = Integer.parseInt(args[1]);
    List<String> names = List.of(args).subList(2, args.length);
    List<OrtSession> sessions = new ArrayList<>();
    for (String name : names) {
      sessions.add(ENV.createSession(name, options(OrtSession.SessionOptions.OptLevel.ALL_OPT)));
    }
    for (int c = 1; c < sessions.size(); c++) {
      double min = 1;
      for (int seed = 0; seed < 20; seed++) {
        int real = seed % 2 == 0 ? tokens : tokens / 6 + seed * tokens / 30;
        Map<String, OnnxTensor> input = input(tokens, real, seed);
        min =
            Math.min(
                min,
                cosine(pooled(sessions.get(0), input, real), pooled(sessions.get(c), input, real)));
      }
      System.out.printf(
          "%s: smallest cosine to %s over 20 inputs %.6f%n", names.get(c), names.get(0), min);
    }
    Map<String, OnnxTensor> input = input(tokens, tokens, 99);
    for (OrtSession session : sessions) {
      for (int i = 0; i < 30; i++) {
        session.run(input).close();
      }
    }
    double[] millis = new double[sessions.size()];
    for (int round = 0; round < 5; round++) {
      for (int k = 0; k < sessions.size(); k++) {
        long start = System.nanoTime();
        for (int i = 0; i < 40; i++) {
          sessions.get(k).run(input).close();
        }
        millis[k] += (System.nanoTime() - start) / 1e6 / 40 / 5;
      }
    }
    for (int k = 0; k < sessions.size(); k++) {
      System.out.printf(
          "%-40s %6.2f ms per run of %d word pieces (one thread)%n",
          names.get(k), millis[k], tokens);
    }
  }

  static OrtSession.SessionOptions options(OrtSession.SessionOptions.OptLevel level)
      throws Exception {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setOptimizationLevel(level);
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    return options;
  }

  static Map<String, OnnxTensor> input(int tokens, int real, long seed) throws Exception {
    long[][] ids = new long[1][tokens];
    long[][] mask = new long[1][tokens];
    Random random = new Random(seed);
    for (int i = 0; i < real; i++) {
      ids[0][i] = 1000 + random.nextInt(20_000);
      mask[0][i] = 1;
    }
    ids[0][0] = 101; // [CLS]
    ids[0][real - 1] = 102; // [SEP]
    Map<String, OnnxTensor> input = new HashMap<>();
    input.put("input_ids", OnnxTensor.createTensor(ENV, ids));
    input.put("attention_mask", OnnxTensor.createTensor(ENV, mask));
    input.put("token_type_ids", OnnxTensor.createTensor(ENV, new long[1][tokens]));
    return input;
  }

  static float[] pooled(OrtSession session, Map<String, OnnxTensor> input, int real)
      throws Exception {
    try (OrtSession.Result result = session.run(input)) {
      float[][][] hidden = (float[][][]) result.get(0).getValue();
      float[] vector = new float[hidden[0][0].length];
      for (int t = 0; t < real; t++) {
        for (int d = 0; d < vector.length; d++) {
          vector[d] += hidden[0][t][d] / real;
        }
      }
      return vector;
    }
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0, aa = 0, bb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return dot / Math.sqrt(aa * bb);
  }
}
