package io.infodesk.platform.control;

import org.eclipse.microprofile.config.Config;

/**
 * The size limits of a source upload, read both by knowledge (each file) and by the request limits
 * at the door (the whole multipart body), so they live below both.
 */
public final class UploadLimits {

  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

  /** The most files one upload may carry. */
  public static final int MAX_FILES = 20;

  private UploadLimits() {}

  /** The largest file accepted, {@code infodesk.ingestion.max-bytes}. */
  public static long maxBytes(Config config) {
    return config
        .getOptionalValue("infodesk.ingestion.max-bytes", Long.class)
        .orElse(DEFAULT_MAX_BYTES);
  }

  /**
   * The largest multipart body worth reading: {@link #MAX_FILES} files at the size limit, plus a
   * mebibyte for the other fields and the part headers.
   */
  public static long maxUploadBytes(Config config) {
    return MAX_FILES * maxBytes(config) + 1024 * 1024;
  }
}
