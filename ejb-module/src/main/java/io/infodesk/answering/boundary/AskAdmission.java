package io.infodesk.answering.boundary;

import io.infodesk.platform.control.Turns;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * At most {@code infodesk.ask.concurrency} questions are answered at once on this node, by default
 * one per processor; the others wait their turn, first come first served, before their transaction
 * starts (0: no limit); a call to the LLM endpoint gives the turn back while it waits ({@code
 * LlmEndpoint}, {@link Turns#giveBackWhile}). On two cores, warmed up, this made all-distinct
 * traffic 1.4–1.5× faster with half the 99th percentile, and repeated (Zipf) traffic 1.5–1.9×
 * faster (docs/benchmarks.md, "Warmed up").
 */
@ApplicationScoped
public class AskAdmission {

  private static final Logger LOG = Logger.getLogger(AskAdmission.class.getName());

  public static final String CONCURRENCY = "infodesk.ask.concurrency";

  @Inject Config config;

  private Turns turns;

  @PostConstruct
  void configure() {
    turns =
        new Turns(
            config
                .getOptionalValue(CONCURRENCY, Integer.class)
                .orElse(Runtime.getRuntime().availableProcessors()));
    LOG.info(
        () ->
            turns.limit() == 0
                ? "Questions answered at once: no limit"
                : "Questions answered at once: at most " + turns.limit());
  }

  /** Runs {@code answer} in its turn. */
  public <T> T admit(Supplier<T> answer) {
    return turns.take(answer);
  }

  /** Questions waiting for their turn now. */
  public int waiting() {
    return turns.waiting();
  }
}
