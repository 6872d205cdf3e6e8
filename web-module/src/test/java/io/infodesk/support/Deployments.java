package io.infodesk.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment for the integration tests: the WAR that the build just packaged, exactly as Payara
 * Micro runs it, deployed at the root context.
 */
public final class Deployments {
  private Deployments() {}

  /**
   * Skips a test that needs a server of its own (its data must be its own traffic) when it is run
   * on the shared one: {@code -Dit.test} names it in every failsafe execution, and only its own
   * execution sets {@code it.own.server}.
   */
  public static void requireOwnServer() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Boolean.getBoolean("it.own.server"),
        "runs on a server of its own (its own failsafe execution), not on the shared one");
  }

  public static WebArchive infodesk() {
    File war = new File(System.getProperty("infodesk.war", "target/infodesk.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(war + " is missing: run the integration tests through Maven");
    }
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }
}
