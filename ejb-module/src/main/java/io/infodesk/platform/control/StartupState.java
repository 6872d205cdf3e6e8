package io.infodesk.platform.control;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which start-up singletons have finished their start, or failed it, kept outside the EJB
 * container. The health endpoint is served as soon as the HTTP listener is up, while the container
 * may still be creating those singletons; a readiness probe that invoked one then made the
 * container create it on the probe's thread, in the health service's naming context, where its
 * injections fail, and a singleton whose creation failed stays unavailable until the next start (a
 * node restarted under probes never became ready: CrashRecoveryIT, 2026-12-05). Probes ask here
 * first and invoke a singleton only once it has started.
 */
public final class StartupState {

  private static final Map<String, String> FAILURES = new ConcurrentHashMap<>();
  private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

  private StartupState() {}

  /** The singleton's start has finished (its background work may still be running). */
  public static void started(Class<?> bean) {
    STARTED.add(bean.getName());
  }

  /**
   * Set to true where nobody would notice a node that stays up without InfoDesk: the README's run
   * command, where Payara Micro says "ready" after a failed deployment and serves nothing.
   */
  public static final String EXIT_ON_FAILURE = "infodesk.exit-on-failed-start";

  /**
   * The singleton's start failed; it stays unavailable. With {@link #EXIT_ON_FAILURE} the process
   * ends with status 2 after saying why, from a thread of its own, so that the deployment's thread
   * is not held by the shutdown it starts.
   */
  public static void failed(Class<?> bean, String failure) {
    FAILURES.put(bean.getName(), String.valueOf(failure));
    if (Boolean.getBoolean(EXIT_ON_FAILURE)) {
      Thread exit =
          new Thread(
              () -> {
                System.err.println("InfoDesk did not start: " + failure);
                System.exit(2);
              },
              "infodesk-failed-start");
      exit.setDaemon(true);
      exit.start();
    }
  }

  public static boolean hasStarted(Class<?> bean) {
    return STARTED.contains(bean.getName());
  }

  /** Why the singleton's start failed, if it did. */
  public static Optional<String> failure(Class<?> bean) {
    return Optional.ofNullable(FAILURES.get(bean.getName()));
  }
}
