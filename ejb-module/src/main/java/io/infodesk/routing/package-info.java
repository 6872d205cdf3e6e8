/**
 * The router picks the domain expert for a question, or declines it as out of scope. Teachers are
 * the zero-shot router (MiniLM centroids of each domain's description and exemplars, with a
 * calibrated threshold) and, with an endpoint configured, the LLM router; later the flywheel's
 * trained students join them.
 */
package io.infodesk.routing;
