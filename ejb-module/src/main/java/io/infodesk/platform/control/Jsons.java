package io.infodesk.platform.control;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Json.createObjectBuilder()} and
 * its siblings look the provider up with a {@link java.util.ServiceLoader} scan of the class path
 * at every call; on the ask path that scan was 19% of the request threads' CPU (docs/benchmarks.md,
 * bench/profile-ask.sh). Parsson's provider is thread-safe, so it is looked up once.
 */
public final class Jsons {

  public static final JsonProvider JSON = JsonProvider.provider();

  private Jsons() {}
}
