/**
 * Shared platform concerns: the database (data source, Flyway migrations at start-up), validated
 * settings from MicroProfile Config, and the cluster's node registry kept fresh by a heartbeat
 * timer on every node.
 */
package io.infodesk.platform;
