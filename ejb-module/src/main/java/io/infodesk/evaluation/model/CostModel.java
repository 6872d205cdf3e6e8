package io.infodesk.evaluation.model;

/**
 * What 1,000 routes cost, from configurable prices: an LLM router pays per token, an in-process
 * router pays for the CPU (or GPU) time it holds, taken from its measured median latency.
 */
public record CostModel(double llmUsdPerMillionTokens, double cpuUsdPerHour, double gpuUsdPerHour) {

  /** Defaults: a hosted 70B model at $0.60 per 1M tokens, one vCPU at $0.05/h, a GPU at $2.50/h. */
  public static CostModel defaults() {
    return new CostModel(0.60, 0.05, 2.50);
  }

  public CostModel {
    if (llmUsdPerMillionTokens < 0 || cpuUsdPerHour < 0 || gpuUsdPerHour < 0) {
      throw new IllegalArgumentException("prices cannot be negative");
    }
  }

  /** An in-process router on one CPU core, busy for {@code p50Micros} per route. */
  public double cpuPerThousand(double p50Micros) {
    return p50Micros / 1e6 * 1000 * cpuUsdPerHour / 3600;
  }

  /** An in-process router on a GPU, busy for {@code p50Micros} per route. */
  public double gpuPerThousand(double p50Micros) {
    return p50Micros / 1e6 * 1000 * gpuUsdPerHour / 3600;
  }

  /** An LLM router that reads and writes {@code tokensPerRoute} tokens per route. */
  public double llmPerThousand(double tokensPerRoute) {
    return tokensPerRoute * 1000 / 1e6 * llmUsdPerMillionTokens;
  }

  /** Rough token count of a text for English prose: a token is about four characters. */
  public static int tokens(String text) {
    return text == null ? 0 : (text.length() + 3) / 4;
  }
}
