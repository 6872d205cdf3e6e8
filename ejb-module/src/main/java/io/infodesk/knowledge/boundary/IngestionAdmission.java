package io.infodesk.knowledge.boundary;

import io.infodesk.platform.control.Admission;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * At most {@code infodesk.ingestion.concurrency} sources are parsed or embedded at once on this
 * node, by default one per processor; the others wait their turn, first come first served, and stay
 * QUEUED (0: no limit, every background thread at once). Storing and indexing run outside the turn.
 * While the Python documentation was ingested on two cores, employees' answers took a fifth of the
 * time they took without a limit, for the same ingestion throughput (docs/benchmarks.md, "Ingestion
 * admission").
 */
@ApplicationScoped
public class IngestionAdmission extends Admission {

  public static final String CONCURRENCY = "infodesk.ingestion.concurrency";

  @Inject Config config;

  @PostConstruct
  void configure() {
    configure(config, CONCURRENCY, "Sources parsed or embedded");
  }
}
