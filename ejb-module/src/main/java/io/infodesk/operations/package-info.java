/**
 * What IT admins watch: InfoDesk's application metrics in /metrics (MicroProfile Metrics, scraped
 * by Prometheus). The top of the layering: it observes the other features' events and reads their
 * boundaries, and nothing depends on it.
 */
package io.infodesk.operations;
