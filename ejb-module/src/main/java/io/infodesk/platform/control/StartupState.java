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

  /** The singleton's start failed; it stays unavailable. */
  public static void failed(Class<?> bean, String failure) {
    FAILURES.put(bean.getName(), String.valueOf(failure));
  }

  public static boolean hasStarted(Class<?> bean) {
    return STARTED.contains(bean.getName());
  }

  /** Why the singleton's start failed, if it did. */
  public static Optional<String> failure(Class<?> bean) {
    return Optional.ofNullable(FAILURES.get(bean.getName()));
  }
}
