package io.infodesk.knowledge.boundary;

import io.infodesk.knowledge.entity.Domain;
import io.infodesk.platform.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Demo mode's four domains, created once at start-up and committed before {@link DemoKnowledge}
 * registers their documents (each in its own transaction). Idempotent. The demo accounts refer to
 * them by key.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class DemoDomains {

  /** The demo domains: key, name, description. */
  static final List<List<String>> DEMO_DOMAINS =
      List.of(
          List.of(
              "hr",
              "HR & benefits",
              "Leave and time off, health insurance, retirement plans, parental leave, onboarding,"
                  + " performance reviews and workplace policies."),
          List.of(
              "it",
              "IT support",
              "Laptops, passwords and MFA, VPN, e-mail, printers, software requests, accounts and"
                  + " access to internal systems."),
          List.of(
              "finance",
              "Finance & payroll",
              "Pay days and payslips, direct deposit, tax forms, expenses and reimbursements,"
                  + " corporate cards and travel costs."),
          List.of(
              "product",
              "Product documentation",
              "How the company's products work: features, configuration, APIs, release notes,"
                  + " troubleshooting and known issues."));

  @PersistenceContext EntityManager em;
  @Inject DomainDirectory directory;
  @Inject Config config;

  @PostConstruct
  void create() {
    if (!config.getOptionalValue(Settings.DEMO, Boolean.class).orElse(false)) {
      return;
    }
    for (List<String> d : DEMO_DOMAINS) {
      if (directory.byKey(d.get(0)).isEmpty()) {
        em.persist(new Domain(d.get(0), d.get(1), d.get(2)));
      }
    }
  }
}
