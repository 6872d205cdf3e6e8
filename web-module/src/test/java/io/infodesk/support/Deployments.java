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

  public static WebArchive infodesk() {
    File war = new File(System.getProperty("infodesk.war", "target/infodesk.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(war + " is missing: run the integration tests through Maven");
    }
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }
}
