/**
 * The router model registry: versions move CANDIDATE → SHADOW → ACTIVE → RETIRED (or REJECTED)
 * through configurable promotion gates.
 */
package io.infodesk.registry;
