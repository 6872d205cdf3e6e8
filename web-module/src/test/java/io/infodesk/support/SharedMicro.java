package io.infodesk.support;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * One Payara Micro for the whole integration-test run instead of one per test class.
 *
 * <p>Payara's managed container starts a Micro process for every deployment, and every IT class
 * deploys the same WAR ({@link Deployments#infodesk()}) with the same settings into the same data
 * folder; a start costs 40-50 s on the CI machine, most of it deploying. This container starts the
 * process for the first class, hands the same address to the next classes and stops it when
 * Arquillian stops its containers at the end of the run (or, failing that, with the JVM through
 * Payara's shutdown hook). A deployment of another archive is refused rather than silently given
 * the shared one.
 */
public class SharedMicro extends PayaraMicroDeployableContainer {
  private Archive<?> deployed;
  private ProtocolMetaData metaData;

  @Override
  public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    if (deployed == null) {
      metaData = super.deploy(archive);
      deployed = archive;
    } else if (!deployed.getName().equals(archive.getName())) {
      throw new DeploymentException(
          "the shared Payara Micro runs "
              + deployed.getName()
              + "; "
              + archive.getName()
              + " needs its own container");
    }
    return metaData;
  }

  @Override
  public void undeploy(Archive<?> archive) {
    // kept for the next test class; stopped with the container
  }

  @Override
  public synchronized void stop() throws LifecycleException {
    try {
      if (deployed != null) {
        super.undeploy(deployed);
      }
    } catch (DeploymentException e) {
      throw new LifecycleException("could not stop the shared Payara Micro", e);
    } finally {
      deployed = null;
      metaData = null;
      super.stop();
    }
  }

  /** Registers {@link SharedMicro} in place of Payara's container. */
  public static final class Extension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
      builder.override(
          DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedMicro.class);
    }
  }
}
