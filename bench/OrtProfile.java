import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * ONNX Runtime's own profile of one MiniLM model run as InfoDesk configures it (all graph
 * optimisations, one thread): a sequence of TOKENS word pieces (default 256, ingestion's longest
 * chunk), 50 runs to warm up, 200 measured. Prints the mean time per run and the profile's file,
 * which bench/ort-profile.sh sums by operator. Run by bench/ort-profile.sh.
 */
public class OrtProfile {
  public static void main(String[] args) throws Exception {
    String model = args[0];
    int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    String profile = args.length > 2 ? args[2] : null;
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    if (profile != null) {
      options.enableProfiling(profile);
    }
    try (OrtSession session = env.createSession(model, options)) {
      long[][] ids = new long[1][tokens];
      long[][] mask = new long[1][tokens];
      long[][] types = new long[1][tokens];
      Random random = new Random(1);
      for (int i = 0; i < tokens; i++) {
        ids[0][i] = 1000 + random.nextInt(20_000);
        mask[0][i] = 1;
      }
      ids[0][0] = 101; // [CLS]
      ids[0][tokens - 1] = 102; // [SEP]
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", OnnxTensor.createTensor(env, ids));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, mask));
      if (session.getInputNames().contains("token_type_ids")) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, types));
      }
      for (int i = 0; i < 50; i++) {
        session.run(inputs).close();
      }
      int runs = 200;
      long start = System.nanoTime();
      for (int i = 0; i < runs; i++) {
        session.run(inputs).close();
      }
      System.out.printf(
          "%s: %.2f ms per run of %d tokens (one thread)%n",
          model, (System.nanoTime() - start) / 1e6 / runs, tokens);
      if (profile != null) {
        System.out.println("profile: " + session.endProfiling());
      }
    }
  }
}
