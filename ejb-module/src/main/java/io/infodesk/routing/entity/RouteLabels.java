package io.infodesk.routing.entity;

/**
 * The label that stands for "out of scope". Internally (training, evaluation, model labels) it is
 * {@link #OOS}; employees and SMEs send {@link #OUT_OF_SCOPE} as a corrected domain.
 */
public final class RouteLabels {
  public static final String OOS = "oos";
  public static final String OUT_OF_SCOPE = "out-of-scope";

  private RouteLabels() {}

  /** A corrected domain as people send it, as the label training uses. */
  public static String fromCorrection(String domain) {
    return OUT_OF_SCOPE.equals(domain) ? OOS : domain;
  }

  /** A training label as people send it as a corrected domain (the inverse of the above). */
  public static String toCorrection(String label) {
    return OOS.equals(label) ? OUT_OF_SCOPE : label;
  }
}
