/**
 * Scores routers on a frozen evaluation set: accuracy, macro-F1, per-domain precision, recall and
 * F1, the confusion matrix, out-of-scope recall and precision, latency percentiles and cost.
 */
package io.infodesk.evaluation;
