package io.infodesk.answering.boundary;

import io.infodesk.platform.control.Admission;
import io.infodesk.platform.control.Turns;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
public class AskAdmission extends Admission {

  public static final String CONCURRENCY = "infodesk.ask.concurrency";

  @Inject Config config;

  @PostConstruct
  void configure() {
    configure(config, CONCURRENCY, "Questions answered");
  }
}
