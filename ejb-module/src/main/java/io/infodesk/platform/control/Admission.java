package io.infodesk.platform.control;

import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * A node's limit on some work run at once, read from configuration: by default one per processor, 0
 * for no limit; the others wait their turn, first come first served ({@link Turns}). Subclasses
 * name the work and its configuration key.
 */
public abstract class Admission {

  private static final Logger LOG = Logger.getLogger(Admission.class.getName());

  private Turns turns = new Turns(0);

  /** Reads the limit from {@code key}; {@code what} names the work in the log. */
  protected void configure(Config config, String key, String what) {
    turns =
        new Turns(
            config
                .getOptionalValue(key, Integer.class)
                .orElse(Runtime.getRuntime().availableProcessors()));
    LOG.info(
        () ->
            what
                + " at once: "
                + (turns.limit() == 0 ? "no limit" : "at most " + turns.limit())
                + " ("
                + key
                + ")");
  }

  /** Runs {@code work} in its turn and returns its result; its exception passes through. */
  public <T> T admit(Supplier<T> work) {
    return turns.take(work);
  }

  /** How many wait for their turn now. */
  public int waiting() {
    return turns.waiting();
  }

  /** The limit: how many at once, 0 for no limit. */
  public int limit() {
    return turns.limit();
  }
}
