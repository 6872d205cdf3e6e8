package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.control.SourceSteps;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/** At start-up, resumes the ingestions that a stop interrupted; the original files are stored. */
@Singleton
@Startup
@DependsOn("SearchService")
public class IngestionRecovery {

  private static final Logger LOG = Logger.getLogger(IngestionRecovery.class.getName());

  @Inject SourceSteps steps;
  @EJB IngestionService ingestion;

  @PostConstruct
  void resume() {
    List<Long> unfinished = steps.unfinished();
    if (!unfinished.isEmpty()) {
      LOG.info("Resuming the ingestion of " + unfinished.size() + " sources: " + unfinished);
      unfinished.forEach(ingestion::ingest);
    }
  }
}
