package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.control.SourceRegistry;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.knowledge.entity.Source;
import io.infodesk.platform.control.Hashes;
import io.infodesk.platform.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Demo mode's knowledge base for the invented company Kestrel Systems: exemplar questions for each
 * demo domain, and 8 documents per domain in Markdown, HTML, PDF and DOCX, ingested through the
 * same pipeline as an owner's upload. Idempotent: files already present (same hash) are skipped.
 */
@Singleton
@Startup
@DependsOn({"IngestionRecovery", "DemoDomains"})
public class DemoKnowledge {

  private static final Logger LOG = Logger.getLogger(DemoKnowledge.class.getName());
  static final String ROOT = "demo/knowledge/";

  @PersistenceContext EntityManager em;
  @Inject Config config;
  @Inject SourceRegistry registry;
  @EJB IngestionService ingestion;
  @Inject DomainDirectory directory;

  @PostConstruct
  void seed() {
    if (!config.getOptionalValue(Settings.DEMO, Boolean.class).orElse(false)) {
      return;
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    int queued = 0;
    for (String line : lines(loader, ROOT + "index.txt")) {
      String[] parts = line.split("\\|", 2);
      String key = parts[0].strip();
      Domain domain = directory.byKey(key).orElse(null);
      if (domain == null) {
        continue;
      }
      if (parts[1].startsWith("exemplar:")) {
        if (!domain.getExemplars().contains(parts[1].substring(9).strip())) {
          List<String> exemplars = new ArrayList<>(domain.getExemplars());
          exemplars.add(parts[1].substring(9).strip());
          domain.setExemplars(exemplars);
        }
        continue;
      }
      String file = parts[1].strip();
      byte[] content = bytes(loader, ROOT + key + "/" + file);
      String hash = Hashes.sha256(content);
      boolean present =
          !em.createNamedQuery(Source.FIND_BY_HASH, Source.class)
              .setParameter("domain", domain)
              .setParameter("hash", hash)
              .getResultList()
              .isEmpty();
      if (!present) {
        Source s =
            registry.create(
                key, file, IngestionService.PARSER.detect(content, file), content, hash, "demo");
        ingestion.ingest(s.getId());
        queued++;
      }
    }
    if (queued > 0) {
      LOG.info("Demo knowledge: ingesting " + queued + " documents in the background");
    }
  }

  private static List<String> lines(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return List.of();
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing demo document " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
